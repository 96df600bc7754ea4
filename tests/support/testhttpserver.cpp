#include "testhttpserver.h"

#include <array>

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMap>
#include <QMutexLocker>
#include <QUrl>
#include <QUrlQuery>

namespace {

using Response = MiniHttpServer::Response;

Response json(int status, const QByteArray &reason, const QByteArray &body)
{
    return Response::make(status, reason, "application/json", body);
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
        return Response::make(200, "OK", "text/plain; charset=utf-8", "plain text, not JSON\n");
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
    const QByteArray host = MiniHttpServer::hostWithoutPort(request.header("Host")).toLower();
    if (host == "api.local")
        return routeApi(request);
    if (host == "web.local" && request.target == "/" && (request.method == "GET" || request.method == "HEAD"))
        return Response::make(200, "OK", "text/html", "<!doctype html><title>web</title><p>web.local</p>\n");
    return Response::make(404, "Not Found", "text/plain", "default backend - 404");
}

} // namespace

TestHttpServer::TestHttpServer(bool tls, QObject *parent)
    : QObject(parent), m_tls(tls), m_server([this](const Seen &request) {
          record(request);
          return route(request);
      })
{
}

TestHttpServer::~TestHttpServer() = default;

bool TestHttpServer::listen()
{
    Result<void> ready;
    if (m_tls)
        ready = m_server.useTls(certificatePath(), keyPath());
    if (ready)
        ready = m_server.listen();
    if (!ready)
        qWarning("TestHttpServer: %s", qPrintable(ready.error()));
    return ready.ok();
}

quint16 TestHttpServer::port() const
{
    return m_server.port();
}

QString TestHttpServer::url(const QString &path) const
{
    const QLatin1String scheme = m_tls ? QLatin1String("https") : QLatin1String("http");
    return QStringLiteral("%1://127.0.0.1:%2%3").arg(scheme).arg(port()).arg(path);
}

QList<TestHttpServer::Seen> TestHttpServer::requests() const
{
    QMutexLocker lock(&m_mutex);
    return m_requests;
}

void TestHttpServer::record(const Seen &request)
{
    QMutexLocker lock(&m_mutex);
    m_requests.append(request);
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
