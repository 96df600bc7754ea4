#include "rawhttpclient.h"

QByteArray Answer::header(const QByteArray &name) const
{
    for (const auto &h : headers) {
        if (h.first.compare(name, Qt::CaseInsensitive) == 0)
            return h.second;
    }
    return {};
}

bool RawClient::connectTo(quint16 port, bool tls)
{
    if (!tls) {
        m_socket.connectToHost(QHostAddress::LocalHost, port);
        return m_socket.waitForConnected(SocketWaitMs);
    }
    m_socket.setPeerVerifyMode(QSslSocket::VerifyNone);
    m_socket.connectToHostEncrypted(QStringLiteral("127.0.0.1"), port);
    return m_socket.waitForEncrypted(SocketWaitMs);
}

void RawClient::send(const QByteArray &bytes)
{
    m_socket.write(bytes);
    while (m_socket.bytesToWrite() > 0 && m_socket.waitForBytesWritten(SocketWaitMs)) {
    }
}

std::optional<Answer> RawClient::read(bool head)
{
    const qsizetype end = waitFor("\r\n\r\n", 0);
    if (end < 0)
        return std::nullopt;
    Answer answer;
    const QList<QByteArray> lines = m_buffer.left(end).split('\n');
    answer.status = lines.value(0).split(' ').value(1).toInt();
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const qsizetype colon = lines.at(i).indexOf(':');
        answer.headers.append({lines.at(i).left(colon), lines.at(i).mid(colon + 1).trimmed()});
    }
    qsizetype at = end + 4;
    if (answer.header("Transfer-Encoding") == "chunked" && !head) {
        for (qsizetype size = 1; size > 0;) {
            const qsizetype lineEnd = waitFor("\r\n", at);
            if (lineEnd < 0)
                return std::nullopt;
            size = m_buffer.mid(at, lineEnd - at).toLongLong(nullptr, 16);
            at = lineEnd + 2;
            if (!waitForSize(at + size + 2))  // each chunk ends with CRLF
                return std::nullopt;
            answer.body += m_buffer.mid(at, size);
            at += size + 2;
        }
    } else {
        const qsizetype length = head ? 0 : answer.header("Content-Length").toLongLong();
        if (!waitForSize(at + length))
            return std::nullopt;
        answer.body = m_buffer.mid(at, length);
        at += length;
    }
    m_buffer.remove(0, at);
    return answer;
}

bool RawClient::closedWithoutMore()
{
    while (fill()) {
    }
    return m_socket.state() == QAbstractSocket::UnconnectedState && m_buffer.isEmpty();
}

bool RawClient::fill()
{
    if (m_socket.state() != QAbstractSocket::ConnectedState && m_socket.bytesAvailable() == 0)
        return false;
    const bool more = m_socket.bytesAvailable() > 0 || m_socket.waitForReadyRead(SocketWaitMs);
    const QByteArray data = m_socket.readAll();
    m_buffer += data;
    return more || !data.isEmpty();
}

bool RawClient::waitForSize(qsizetype size)
{
    while (m_buffer.size() < size) {
        if (!fill())
            return false;
    }
    return true;
}

qsizetype RawClient::waitFor(const QByteArray &marker, qsizetype from)
{
    qsizetype at = -1;
    while ((at = m_buffer.indexOf(marker, from)) < 0 && fill()) {
    }
    return at;
}

QByteArray rawRequest(const QByteArray &method, const QByteArray &target, const QByteArray &host,
                      const QByteArray &body, const QByteArray &extraHeaders)
{
    QByteArray out = method + ' ' + target + " HTTP/1.1\r\n";
    if (!host.isEmpty())
        out += "Host: " + host + "\r\n";
    if (!body.isEmpty())
        out += "Content-Type: application/json\r\nContent-Length: " + QByteArray::number(body.size()) + "\r\n";
    return out + extraHeaders + "\r\n" + body;
}

std::optional<Answer> ask(quint16 port, const QByteArray &bytes)
{
    RawClient client;
    if (!client.connectTo(port))
        return std::nullopt;
    client.send(bytes);
    return client.read(bytes.startsWith("HEAD "));
}
