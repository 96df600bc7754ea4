#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>

// What a TLS ClientHello tells about a connection that stays encrypted.
struct InspectedTls
{
    QString serverName;            // SNI host_name, may be empty
    QStringList alpn;              // e.g. {"h2", "http/1.1"}
};

// Reads the client's first TLS handshake message, which may span several records and
// several chunks. Keeps at most the ClientHello (16 KiB), nothing after it.
class TlsHelloReader
{
public:
    enum class Status { NeedMore, Done, Bad };

    Status feed(const char *data, qsizetype size);
    const InspectedTls &result() const { return m_result; }
    // A QT_TRANSLATE_NOOP("Inspect", ...) text once feed() returned Bad.
    const char *why() const { return m_why; }
    qsizetype bufferedBytes() const { return m_message.size(); }

private:
    Status fail(const char *why);
    Status parse();

    unsigned char m_header[5] = {};
    int m_headerFill = 0;
    qsizetype m_recordLeft = 0;
    QByteArray m_message;
    InspectedTls m_result;
    const char *m_why = nullptr;
};
