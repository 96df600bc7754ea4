#pragma once

#include <QByteArray>

#include "testsocket.h"

// Reproducible pseudo-random payloads, and SHA-256 on the fly so that large
// transfers are checked without keeping them in memory.
namespace TestSupport {

// size must be a multiple of 4.
QByteArray randomBytes(quint32 seed, qsizetype size);

// Sends size bytes (a multiple of 4) of a seeded stream; returns the SHA-256 of what it sent.
QByteArray sendRandom(const Socket &socket, quint32 seed, qint64 size, bool *ok);

struct Hashed
{
    QByteArray hash;
    qint64 size = 0;
    RecvEnd end = RecvEnd::Error;
};

// Reads until EOF (or reset, error, deadline), hashing as it goes.
Hashed receiveHashed(const Socket &socket, int timeoutMs);

} // namespace TestSupport
