#include "inspect/tlshello.h"

#include <QtGlobal>

namespace {

constexpr qsizetype MaxHello = 16 * 1024;
constexpr qsizetype MaxRecord = 16 * 1024 + 2048;  // TLSPlaintext limit plus the slack TLS allows
constexpr unsigned char HandshakeRecord = 0x16;
constexpr unsigned char ClientHello = 1;
constexpr int ServerNameExtension = 0;
constexpr int AlpnExtension = 16;

// Bounds-checked big-endian reads over one ClientHello; any overrun marks it bad.
class Cursor
{
public:
    Cursor(const char *data, qsizetype size) : m_data(reinterpret_cast<const unsigned char *>(data)), m_left(size) {}

    bool ok() const { return m_ok; }
    bool atEnd() const { return m_left == 0; }
    unsigned number(int bytes)
    {
        if (!need(bytes))
            return 0;
        unsigned value = 0;
        for (int i = 0; i < bytes; ++i)
            value = (value << 8) | m_data[i];
        advance(bytes);
        return value;
    }
    // A length-prefixed block, as its own cursor.
    Cursor block(int lengthBytes)
    {
        const qsizetype length = number(lengthBytes);
        if (!need(length))
            return Cursor(nullptr, 0);
        const Cursor inner(reinterpret_cast<const char *>(m_data), length);
        advance(length);
        return inner;
    }
    void skip(qsizetype bytes)
    {
        if (need(bytes))
            advance(bytes);
    }
    QString latin1() const { return QString::fromLatin1(reinterpret_cast<const char *>(m_data), m_left); }

private:
    bool need(qsizetype bytes)
    {
        if (m_ok && bytes <= m_left)
            return true;
        m_ok = false;
        m_left = 0;
        return false;
    }
    void advance(qsizetype bytes)
    {
        m_data += bytes;
        m_left -= bytes;
    }

    const unsigned char *m_data;
    qsizetype m_left;
    bool m_ok = true;
};

} // namespace

TlsHelloReader::Status TlsHelloReader::feed(const char *data, qsizetype size)
{
    if (m_why)
        return Status::Bad;
    while (size > 0) {
        if (m_headerFill < 5) {
            const auto byte = static_cast<unsigned char>(*data++);
            --size;
            m_header[m_headerFill++] = byte;
            if (m_headerFill == 1 && byte != HandshakeRecord)
                return fail(QT_TRANSLATE_NOOP("Inspect", "not TLS: a record other than a handshake came before the ClientHello ended"));
            if ((m_headerFill == 2 && byte != 0x03) || (m_headerFill == 3 && byte > 0x04))
                return fail(QT_TRANSLATE_NOOP("Inspect", "not TLS: unknown record version"));
            if (m_headerFill == 5) {
                m_recordLeft = (qsizetype(m_header[3]) << 8) | m_header[4];
                if (m_recordLeft == 0 || m_recordLeft > MaxRecord)
                    return fail(QT_TRANSLATE_NOOP("Inspect", "not TLS: bad record length"));
            }
            continue;
        }
        // Kept up to the longest hello allowed; the length check below needs no more.
        const qsizetype take = qMin(size, m_recordLeft);
        m_message.append(data, qMin(take, 4 + MaxHello - m_message.size()));
        data += take;
        size -= take;
        m_recordLeft -= take;
        if (m_recordLeft == 0)
            m_headerFill = 0;
        if (m_message.size() < 4)
            continue;
        if (uchar(m_message[0]) != ClientHello)
            return fail(QT_TRANSLATE_NOOP("Inspect", "not TLS: the first handshake message is not a ClientHello"));
        const qsizetype length = (qsizetype(uchar(m_message[1])) << 16) | (qsizetype(uchar(m_message[2])) << 8)
                                 | uchar(m_message[3]);
        if (length > MaxHello)
            return fail(QT_TRANSLATE_NOOP("Inspect", "TLS ClientHello longer than 16 KiB"));
        if (m_message.size() >= 4 + length) {
            m_message.truncate(4 + length);
            return parse();
        }
    }
    return Status::NeedMore;
}

TlsHelloReader::Status TlsHelloReader::fail(const char *why)
{
    m_why = why;
    m_message = QByteArray();
    return Status::Bad;
}

TlsHelloReader::Status TlsHelloReader::parse()
{
    Cursor hello(m_message.constData() + 4, m_message.size() - 4);
    hello.skip(2 + 32);  // legacy_version, random
    hello.block(1);    // session id
    hello.block(2);    // cipher suites
    hello.block(1);    // compression methods
    Cursor extensions = hello.atEnd() ? Cursor(nullptr, 0) : hello.block(2);
    while (hello.ok() && extensions.ok() && !extensions.atEnd()) {
        const unsigned type = extensions.number(2);
        Cursor body = extensions.block(2);
        if (type == ServerNameExtension) {
            Cursor names = body.block(2);
            while (names.ok() && !names.atEnd()) {
                const unsigned nameType = names.number(1);
                const Cursor name = names.block(2);
                if (nameType == 0 && names.ok() && m_result.serverName.isEmpty())
                    m_result.serverName = name.latin1();
            }
            if (!names.ok())
                return fail(QT_TRANSLATE_NOOP("Inspect", "TLS ClientHello with a malformed server name"));
        } else if (type == AlpnExtension) {
            Cursor protocols = body.block(2);
            while (protocols.ok() && !protocols.atEnd()) {
                const Cursor protocol = protocols.block(1);
                if (protocols.ok())
                    m_result.alpn << protocol.latin1();
            }
            if (!protocols.ok())
                return fail(QT_TRANSLATE_NOOP("Inspect", "TLS ClientHello with a malformed ALPN list"));
        }
    }
    if (!hello.ok() || !extensions.ok())
        return fail(QT_TRANSLATE_NOOP("Inspect", "TLS ClientHello malformed"));
    m_message = QByteArray();
    return Status::Done;
}
