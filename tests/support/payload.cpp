#include "payload.h"

#include <QCryptographicHash>
#include <QRandomGenerator>

namespace TestSupport {

QByteArray randomBytes(quint32 seed, qsizetype size)
{
    Q_ASSERT(size % 4 == 0);
    QByteArray data(size, Qt::Uninitialized);
    QRandomGenerator(seed).fillRange(reinterpret_cast<quint32 *>(data.data()), size / 4);
    return data;
}

QByteArray sendRandom(const Socket &socket, quint32 seed, qint64 size, bool *ok)
{
    Q_ASSERT(size % 4 == 0);
    QRandomGenerator generator(seed);
    QCryptographicHash hash(QCryptographicHash::Sha256);
    QByteArray chunk(256 * 1024, Qt::Uninitialized);
    *ok = true;
    for (qint64 left = size; left > 0 && *ok;) {
        const qsizetype n = qsizetype(qMin<qint64>(chunk.size(), left));
        generator.fillRange(reinterpret_cast<quint32 *>(chunk.data()), n / 4);
        hash.addData(QByteArrayView(chunk.constData(), n));
        *ok = sendAll(socket, chunk.constData(), n, 60000);
        left -= n;
    }
    return hash.result();
}

Hashed receiveHashed(const Socket &socket, int timeoutMs)
{
    QCryptographicHash hash(QCryptographicHash::Sha256);
    Hashed result;
    result.end = recvStream(socket, timeoutMs, [&](const char *data, qsizetype size) {
        hash.addData(QByteArrayView(data, size));
        result.size += size;
    });
    result.hash = hash.result();
    return result;
}

} // namespace TestSupport
