#include "contentcoding.h"

#include <QCoreApplication>
#include <QList>

#include <zlib.h>

namespace ContentCoding {

namespace {

constexpr qsizetype Step = 64 * 1024;

struct Coding {
    Q_DECLARE_TR_FUNCTIONS(Coding)
};

// windowBits: 16 + MAX_WBITS gzip, MAX_WBITS zlib, -MAX_WBITS raw deflate.
Result<QByteArray> inflated(const QByteArray &in, int windowBits, bool cut, const QString &coding)
{
    z_stream stream{};
    if (inflateInit2(&stream, windowBits) != Z_OK)
        return Error{Coding::tr("%1: the decoder cannot start").arg(coding)};
    stream.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(in.constData()));
    stream.avail_in = uInt(in.size());
    QByteArray out;
    int status = Z_OK;
    while (status == Z_OK) {
        const qsizetype at = out.size();
        if (at > MaxDecodedBytes) {
            inflateEnd(&stream);
            return Error{Coding::tr("%1: the body decodes to more than %2 MiB").arg(coding).arg(MaxDecodedBytes / (1024 * 1024))};
        }
        out.resize(at + Step);
        stream.next_out = reinterpret_cast<Bytef *>(out.data() + at);
        stream.avail_out = uInt(Step);
        status = inflate(&stream, Z_NO_FLUSH);
        out.resize(at + Step - qsizetype(stream.avail_out));
    }
    const QString detail = stream.msg ? QString::fromLatin1(stream.msg) : QString();
    inflateEnd(&stream);
    if (status == Z_STREAM_END)
        return out;
    // Z_BUF_ERROR with all the input read: the body stops before its end.
    if (status == Z_BUF_ERROR && stream.avail_in == 0) {
        if (cut)
            return out;
        return Error{Coding::tr("%1: the body ends before its compressed data does").arg(coding)};
    }
    return Error{Coding::tr("%1: the body is damaged (%2)").arg(coding, detail.isEmpty() ? QString::number(status) : detail)};
}

bool zlibHeader(const QByteArray &body)
{
    if (body.size() < 2)
        return false;
    const auto cmf = static_cast<unsigned char>(body.at(0));
    const auto flg = static_cast<unsigned char>(body.at(1));
    return (cmf & 0x0f) == 8 && (cmf >> 4) <= 7 && (cmf * 256 + flg) % 31 == 0;
}

} // namespace

Result<QByteArray> decode(const QByteArray &body, QByteArrayView contentEncoding, bool cut)
{
    const QList<QByteArray> codings = contentEncoding.toByteArray().toLower().split(',');
    QByteArray data = body;
    for (auto it = codings.crbegin(); it != codings.crend(); ++it) {
        const QByteArray coding = it->trimmed();
        if (coding.isEmpty() || coding == "identity")
            continue;
        const QString name = QString::fromLatin1(coding);
        int windowBits = 0;
        if (coding == "gzip" || coding == "x-gzip") {
            if (!data.startsWith("\x1f\x8b"))
                return Error{Coding::tr("%1: the body is not in that form").arg(name)};
            windowBits = 16 + MAX_WBITS;
        } else if (coding == "deflate") {
            // Meant as zlib's framing; some servers send it raw.
            windowBits = zlibHeader(data) ? MAX_WBITS : -MAX_WBITS;
        } else {
            return Error{Coding::tr("%1: Pasarela cannot undo this coding").arg(name)};
        }
        Result<QByteArray> step = inflated(data, windowBits, cut, name);
        if (!step)
            return step;
        data = std::move(step.value());
    }
    return data;
}

QByteArray gzip(const QByteArray &data)
{
    z_stream stream{};
    deflateInit2(&stream, Z_DEFAULT_COMPRESSION, Z_DEFLATED, 16 + MAX_WBITS, 8, Z_DEFAULT_STRATEGY);
    QByteArray out(qsizetype(deflateBound(&stream, uLong(data.size()))), Qt::Uninitialized);
    stream.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(data.constData()));
    stream.avail_in = uInt(data.size());
    stream.next_out = reinterpret_cast<Bytef *>(out.data());
    stream.avail_out = uInt(out.size());
    deflate(&stream, Z_FINISH);
    out.resize(qsizetype(stream.total_out));
    deflateEnd(&stream);
    return out;
}

} // namespace ContentCoding
