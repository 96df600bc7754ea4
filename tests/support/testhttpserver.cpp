#include "testhttpserver.h"

#include <array>
#include <atomic>
#include <functional>

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMap>
#include <QMutex>
#include <QMutexLocker>
#include <QPointer>
#include <QSslCertificate>
#include <QSslKey>
#include <QSslSocket>
#include <QTcpServer>
#include <QThread>
#include <QTimer>
#include <QUrl>
#include <QUrlQuery>

namespace {

constexpr qsizetype MaxHeaderBytes = 64 * 1024;
constexpr int ChunkIntervalMs = 10;

struct Response
{
    int status = 200;
    QByteArray reason = "OK";
    QList<QPair<QByteArray, QByteArray>> headers;
    QByteArray body;
    bool chunked = false;  // body sent in four chunks, ChunkIntervalMs apart
    int delayMs = 0;
};

Response reply(int status, const QByteArray &reason, const QByteArray &type, const QByteArray &body)
{
    Response r;
    r.status = status;
    r.reason = reason;
    r.headers.append({"Content-Type", type});
    r.body = body;
    return r;
}

Response json(int status, const QByteArray &reason, const QByteArray &body)
{
    return reply(status, reason, "application/json", body);
}

quint32 crc32(const QByteArray &data)
{
    static const std::array<quint32, 256> table = [] {
        std::array<quint32, 256> t{};
        for (quint32 i = 0; i < 256; ++i) {
            quint32 c = i;
            for (int k = 0; k < 8; ++k)
                c = (c & 1) ? 0xEDB88320u ^ (c >> 1) : c >> 1;
            t[i] = c;
        }
        return t;
    }();
    quint32 crc = 0xFFFFFFFFu;
    for (const char ch : data)
        crc = table[(crc ^ uchar(ch)) & 0xFF] ^ (crc >> 8);
    return crc ^ 0xFFFFFFFFu;
}

void appendLittleEndian(QByteArray &out, quint32 value)
{
    for (int i = 0; i < 4; ++i)
        out.append(char((value >> (8 * i)) & 0xFF));
}

// qCompress gives a 4-byte size, then a zlib stream (2-byte header, raw deflate,
// 4-byte Adler-32): gzip wants the raw deflate between its own header and trailer.
QByteArray gzip(const QByteArray &data)
{
    const QByteArray zlib = qCompress(data);
    QByteArray out("\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\xff", 10);
    out += zlib.mid(4 + 2, zlib.size() - 4 - 2 - 4);
    appendLittleEndian(out, crc32(data));
    appendLittleEndian(out, quint32(data.size()));
    return out;
}

// "api.local:8080" -> "api.local"; "[::1]:80" -> "[::1]".
QByteArray hostWithoutPort(const QByteArray &host)
{
    const qsizetype bracket = host.lastIndexOf(']');
    const qsizetype colon = host.lastIndexOf(':');
    return colon > bracket ? host.left(colon) : host;
}

Response routeApi(const TestHttpServer::Seen &request)
{
    const QUrl url(QString::fromLatin1(request.target));
    const QString path = url.path();
    const QUrlQuery query(url);
    const bool get = request.method == "GET" || request.method == "HEAD";

    if (path == u"/api/v1/items" && get) {
        return json(200, "OK",
                    R"({"pod":"api-7d9f","items":[{"name":"zeta","id":2},{"name":"alpha","id":1}],"count":2})");
    }
    if (path == u"/api/v1/items" && request.method == "POST") {
        QJsonParseError error{};
        QJsonDocument::fromJson('[' + request.body + ']', &error);
        if (error.error != QJsonParseError::NoError || request.body.trimmed().isEmpty())
            return json(400, "Bad Request", R"({"error":"body is not JSON"})");
        return json(201, "Created", R"({"created":)" + request.body.trimmed() + '}');
    }
    if (path == u"/api/v1/echo") {
        QJsonArray headers;
        for (const auto &h : request.headers)
            headers.append(QJsonArray{QString::fromLatin1(h.first), QString::fromLatin1(h.second)});
        const QJsonObject echo{{QStringLiteral("method"), QString::fromLatin1(request.method)},
                               {QStringLiteral("path"), QString::fromLatin1(request.target)},
                               {QStringLiteral("headers"), headers},
                               {QStringLiteral("body"), QString::fromUtf8(request.body)}};
        return json(200, "OK", QJsonDocument(echo).toJson(QJsonDocument::Compact));
    }
    if (path == u"/api/v1/redirect") {
        static const QMap<int, QByteArray> reasons{{301, "Moved Permanently"}, {302, "Found"}, {303, "See Other"},
                                                   {307, "Temporary Redirect"}, {308, "Permanent Redirect"}};
        const int status = query.hasQueryItem(QStringLiteral("status"))
                               ? query.queryItemValue(QStringLiteral("status")).toInt()
                               : 302;
        QByteArray location = query.queryItemValue(QStringLiteral("to"), QUrl::FullyDecoded).toUtf8();
        if (location.isEmpty())
            location = "/api/v1/items";
        if (query.hasQueryItem(QStringLiteral("loop")))
            location = request.target;
        if (!reasons.contains(status))
            return json(400, "Bad Request", R"({"error":"status must be 301, 302, 303, 307 or 308"})");
        Response r = json(status, reasons.value(status), R"({"location":")" + location + R"("})");
        r.headers.emplaceBack("Location", location);
        return r;
    }
    if (path == u"/api/v1/chunked" && get) {
        Response r = json(200, "OK", R"({"chunked":true,"parts":["one","two","three","four"],"end":"yes"})");
        r.chunked = true;
        return r;
    }
    if (path == u"/api/v1/gzip" && get) {
        const QByteArray body = R"({"compressed":true,"text":")" + QByteArray(2000, 'z') + R"("})";
        Response r = json(200, "OK", body);
        if (request.header("Accept-Encoding").contains("gzip")) {
            r.body = gzip(body);
            r.headers.emplaceBack("Content-Encoding", "gzip");
        }
        r.headers.emplaceBack("Vary", "Accept-Encoding");
        return r;
    }
    if (path == u"/api/v1/big" && get) {
        bool ok = false;
        const qsizetype bytes = query.queryItemValue(QStringLiteral("bytes")).toLongLong(&ok);
        if (!ok || bytes < 64)
            return json(400, "Bad Request", R"({"error":"bytes must be a number >= 64"})");
        return json(200, "OK", TestHttpServer::bigBody(bytes));
    }
    if (path == u"/api/v1/text" && get)
        return reply(200, "OK", "text/plain; charset=utf-8", "plain text, not JSON\n");
    if (path == u"/api/v1/slow" && get) {
        Response r = json(200, "OK", R"({"slow":true})");
        r.delayMs = query.queryItemValue(QStringLiteral("ms")).toInt();
        return r;
    }
    const QJsonObject missing{{QStringLiteral("error"), QStringLiteral("not found")},
                              {QStringLiteral("path"), QString::fromLatin1(request.target)}};
    return json(404, "Not Found", QJsonDocument(missing).toJson(QJsonDocument::Compact));
}

Response route(const TestHttpServer::Seen &request)
{
    const QByteArray host = hostWithoutPort(request.header("Host")).toLower();
    if (host == "api.local")
        return routeApi(request);
    if (host == "web.local" && request.target == "/" && (request.method == "GET" || request.method == "HEAD"))
        return reply(200, "OK", "text/html", "<!doctype html><title>web</title><p>web.local</p>\n");
    return reply(404, "Not Found", "text/plain", "default backend - 404");
}

} // namespace

// One client connection: parses requests in order, answers each before the next
// (a delayed answer holds the ones pipelined behind it).
class HttpConnection final : public QObject
{
public:
    using Record = std::function<void(const TestHttpServer::Seen &)>;

    HttpConnection(QTcpSocket *socket, Record record, QObject *parent)
        : QObject(parent), m_socket(socket), m_record(std::move(record))
    {
        socket->setParent(this);
        connect(socket, &QTcpSocket::readyRead, this, &HttpConnection::process);
        connect(socket, &QTcpSocket::disconnected, this, &QObject::deleteLater);
        connect(socket, &QTcpSocket::errorOccurred, this, &QObject::deleteLater);
    }
    Q_DISABLE_COPY_MOVE(HttpConnection)

private:
    void process()
    {
        m_buffer += m_socket->readAll();
        while (!m_busy && m_socket->state() == QAbstractSocket::ConnectedState) {
            const qsizetype end = m_buffer.indexOf("\r\n\r\n");
            if (end < 0) {
                if (m_buffer.size() > MaxHeaderBytes)
                    m_socket->abort();
                return;
            }
            TestHttpServer::Seen seen;
            QByteArray version;
            const QList<QByteArray> lines = m_buffer.left(end).split('\n');
            const QList<QByteArray> requestLine = lines.value(0).trimmed().split(' ');
            if (requestLine.size() != 3) {
                m_socket->abort();
                return;
            }
            seen.method = requestLine.at(0);
            seen.target = requestLine.at(1);
            version = requestLine.at(2);
            for (qsizetype i = 1; i < lines.size(); ++i) {
                const qsizetype colon = lines.at(i).indexOf(':');
                if (colon > 0)
                    seen.headers.append({lines.at(i).left(colon).trimmed(), lines.at(i).mid(colon + 1).trimmed()});
            }
            const qsizetype length = seen.header("Content-Length").toLongLong();
            if (m_buffer.size() < end + 4 + length)
                return;
            seen.body = m_buffer.mid(end + 4, length);
            m_buffer.remove(0, end + 4 + length);
            m_record(seen);

            const bool close = seen.header("Connection").toLower() == "close" || version == "HTTP/1.0";
            const bool head = seen.method == "HEAD";
            const Response response = route(seen);
            if (response.delayMs > 0) {
                m_busy = true;
                QTimer::singleShot(response.delayMs, this, [this, response, close, head] {
                    m_busy = false;
                    send(response, close, head);
                    process();
                });
                return;
            }
            send(response, close, head);
        }
    }

    void send(const Response &response, bool close, bool head)
    {
        QByteArray out = "HTTP/1.1 " + QByteArray::number(response.status) + ' ' + response.reason + "\r\n";
        for (const auto &h : response.headers)
            out += h.first + ": " + h.second + "\r\n";
        out += response.chunked ? QByteArray("Transfer-Encoding: chunked\r\n")
                                : QByteArray("Content-Length: " + QByteArray::number(response.body.size()) + "\r\n");
        out += close ? "Connection: close\r\n\r\n" : "Connection: keep-alive\r\n\r\n";
        if (head) {
            m_socket->write(out);
        } else if (response.chunked) {
            m_socket->write(out);
            sendChunks(response.body, close);
            return;
        } else {
            m_socket->write(out + response.body);
        }
        if (close)
            m_socket->disconnectFromHost();
    }

    // Four chunks with pauses between, so that they reach the client separately.
    void sendChunks(const QByteArray &body, bool close)
    {
        m_busy = true;
        const qsizetype part = (body.size() + 3) / 4;
        for (int i = 0; i <= 4; ++i) {
            const QByteArray piece = body.mid(i * part, part);
            QTimer::singleShot(i * ChunkIntervalMs, this, [this, piece, last = i == 4, close] {
                m_socket->write(QByteArray::number(piece.size(), 16) + "\r\n" + piece + "\r\n");
                m_socket->flush();
                if (!last)
                    return;
                m_busy = false;
                if (close)
                    m_socket->disconnectFromHost();
                else
                    process();
            });
        }
    }

    QTcpSocket *m_socket;
    Record m_record;
    QByteArray m_buffer;
    bool m_busy = false;
};

class TestHttpServer::Worker final : public QTcpServer
{
public:
    explicit Worker(bool tls) : m_tls(tls) {}
    Q_DISABLE_COPY_MOVE(Worker)

    bool start()
    {
        if (m_tls) {
            QFile cert(TestHttpServer::certificatePath());
            QFile key(TestHttpServer::keyPath());
            if (!cert.open(QIODevice::ReadOnly) || !key.open(QIODevice::ReadOnly)) {
                qWarning("TestHttpServer: cannot read the test certificate or key");
                return false;
            }
            m_certificate = QSslCertificate(&cert, QSsl::Pem);
            m_key = QSslKey(&key, QSsl::Rsa, QSsl::Pem);
            if (m_certificate.isNull() || m_key.isNull()) {
                qWarning("TestHttpServer: the test certificate or key does not parse");
                return false;
            }
        }
        if (!listen(QHostAddress::LocalHost, 0)) {
            qWarning("TestHttpServer: listen failed: %s", qPrintable(errorString()));
            return false;
        }
        m_port = serverPort();
        return true;
    }

    quint16 port() const { return m_port; }

    QList<Seen> requests() const
    {
        QMutexLocker lock(&m_mutex);
        return m_requests;
    }

protected:
    void incomingConnection(qintptr descriptor) override
    {
        QTcpSocket *socket = nullptr;
        if (m_tls) {
            auto *ssl = new QSslSocket;
            ssl->setLocalCertificate(m_certificate);
            ssl->setPrivateKey(m_key);
            ssl->setPeerVerifyMode(QSslSocket::VerifyNone);
            socket = ssl;
        } else {
            socket = new QTcpSocket;
        }
        if (!socket->setSocketDescriptor(descriptor)) {
            delete socket;
            return;
        }
        new HttpConnection(socket, [this](const Seen &seen) { record(seen); }, this);
        if (m_tls)
            static_cast<QSslSocket *>(socket)->startServerEncryption();
    }

private:
    void record(const Seen &seen)
    {
        QMutexLocker lock(&m_mutex);
        m_requests.append(seen);
    }

    bool m_tls;
    std::atomic<quint16> m_port{0};
    QSslCertificate m_certificate;
    QSslKey m_key;
    mutable QMutex m_mutex;
    QList<Seen> m_requests;
};

QByteArray TestHttpServer::Seen::header(const QByteArray &name) const
{
    for (const auto &h : headers) {
        if (h.first.compare(name, Qt::CaseInsensitive) == 0)
            return h.second;
    }
    return {};
}

TestHttpServer::TestHttpServer(bool tls, QObject *parent)
    : QObject(parent), m_thread(new QThread), m_worker(new Worker(tls)), m_tls(tls)
{
    m_thread->setObjectName(QStringLiteral("TestHttpServer"));
    m_worker->moveToThread(m_thread);
    // Deleted in its own thread, with its sockets, once the loop ends.
    connect(m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    m_thread->start();
}

TestHttpServer::~TestHttpServer()
{
    m_thread->quit();
    m_thread->wait();
    delete m_thread;
}

bool TestHttpServer::listen()
{
    bool ok = false;
    QMetaObject::invokeMethod(m_worker, [this] { return m_worker->start(); }, Qt::BlockingQueuedConnection, &ok);
    return ok;
}

quint16 TestHttpServer::port() const
{
    return m_worker->port();
}

QString TestHttpServer::url(const QString &path) const
{
    const QLatin1String scheme = m_tls ? QLatin1String("https") : QLatin1String("http");
    return QStringLiteral("%1://127.0.0.1:%2%3").arg(scheme).arg(port()).arg(path);
}

QList<TestHttpServer::Seen> TestHttpServer::requests() const
{
    return m_worker->requests();
}

QString TestHttpServer::certificatePath()
{
    return QStringLiteral(PASARELA_TEST_TLS_DIR "/selfsigned.crt");
}

QString TestHttpServer::keyPath()
{
    return QStringLiteral(PASARELA_TEST_TLS_DIR "/selfsigned.key");
}

// {"items":[{"id":0,"value":"v-0"},...],"pad":"....."} of exactly `bytes` bytes.
QByteArray TestHttpServer::bigBody(qsizetype bytes)
{
    const QByteArray tail = R"(],"pad":"")";
    QByteArray out = R"({"items":[)";
    out.reserve(bytes);
    for (int id = 0;; ++id) {
        const QByteArray item = QByteArray(id ? "," : "") + R"({"id":)" + QByteArray::number(id) + R"(,"value":"v-)"
                                + QByteArray::number(id * 2654435761u % 1000003u, 16) + R"("})";
        if (out.size() + item.size() + tail.size() + 1 > bytes)
            break;
        out += item;
    }
    out += R"(],"pad":")" + QByteArray(bytes - out.size() - tail.size() - 1, '.') + R"("})";
    Q_ASSERT(out.size() == bytes);
    return out;
}
