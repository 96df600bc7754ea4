#pragma once

#include <QByteArray>
#include <QByteArrayView>

#include "result.h"

// A body as its sender meant it, with its Content-Encoding undone: gzip (x-gzip), deflate
// (zlib or raw) and identity, a list undone last first. `cut`: the bytes are only the start
// of the body (a capture's limit), so what they hold is decoded and the rest is not missed.
// Errors say which coding could not be undone and why ("br" is not known here); a body
// that decodes to more than MaxDecodedBytes is an error too.
namespace ContentCoding {

constexpr qsizetype MaxDecodedBytes = 16 * 1024 * 1024;

Result<QByteArray> decode(const QByteArray &body, QByteArrayView contentEncoding, bool cut = false);

// The gzip form of `data` (the tests' compressed answers; zlib's is qCompress() without
// its first four bytes).
QByteArray gzip(const QByteArray &data);

} // namespace ContentCoding
