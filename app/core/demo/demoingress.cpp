#include "demoingress.h"

#include <QCoreApplication>

#include "demo/minihttpserver.h"
#include "http/jsontree.h"

namespace {

using Request = MiniHttpServer::Request;
using Response = MiniHttpServer::Response;

// Written out by hand: the keys keep a service's own order (not sorted), which
// the window's JSON tree shows as sent.
const QList<QByteArray> Items{
    R"({"id":1,"name":"Mechanical keyboard","sku":"KB-104","price":89.5,"inStock":true,"tags":["usb","tkl"]})",
    R"({"id":2,"name":"USB-C hub","sku":"HB-7P","price":34.9,"inStock":false,"tags":["usb-c","hdmi"]})",
    R"({"id":3,"name":"Monitor arm","sku":"MA-2X","price":59,"inStock":true,"tags":[]})",
};

QByteArray jsonString(const QString &text)
{
    QByteArray out = "\"";
    for (const QChar c : text) {
        if (c == u'"' || c == u'\\')
            out += '\\' + QString(c).toUtf8();
        else if (c.unicode() < 0x20)
            out += "\\u00" + QByteArray::number(c.unicode(), 16).rightJustified(2, '0');
        else
            out += QString(c).toUtf8();
    }
    return out + '"';
}

// The pod that answers for a service, as a Deployment names it.
struct Service
{
    QByteArray name;
    QByteArray pod;

    // {"service":...,"pod":...,<fields>}
    Response json(int status, const QByteArray &reason, const QByteArray &fields) const
    {
        const QByteArray origin = R"({"service":")" + name + R"(","pod":")" + pod + '"';
        return Response::make(status, reason, "application/json",
                              origin + (fields.isEmpty() ? "" : ",") + fields + "}\n");
    }

    Response methodNotAllowed(const QByteArray &allowed) const
    {
        Response r = json(405, "Method Not Allowed", R"("error":"method not allowed")");
        r.headers.emplaceBack("Allow", allowed);
        return r;
    }
};

const Service Api{"api", "api-6c9f7d8b5-x2kqp"};
const Service Web{"web", "web-5d4b8c7f9-m7tzn"};

// The ingress and its two services. Runs on the server's thread only, so the
// id counter needs no lock. Its answers are a web service's: English whatever the
// locale (only the JSON parser's detail in one of them follows it).
class Routes
{
public:
    Response operator()(const Request &request)
    {
        const qsizetype query = request.target.indexOf('?');
        const QByteArray path = query < 0 ? request.target : request.target.left(query);
        const QByteArray host = MiniHttpServer::hostWithoutPort(request.header("Host")).toLower();
        const bool read = request.method == "GET" || request.method == "HEAD";
        // The ingress rule for api.local has path prefix /api, as a real one would.
        if (host == "api.local" && (path == "/api" || path.startsWith("/api/")))
            return api(request, path, read);
        if (host == "web.local") {
            if (!read)
                return Web.methodNotAllowed("GET, HEAD");
            return Web.json(200, "OK", R"("path":)" + jsonString(QString::fromUtf8(request.target)));
        }
        return Response::make(404, "Not Found", "text/plain", "default backend - 404");
    }

private:
    Response api(const Request &request, const QByteArray &path, bool read)
    {
        const QByteArray itemsPath = "/api/v1/items";
        const QByteArray itemPrefix = itemsPath + '/';
        if (path == itemsPath) {
            if (read)
                return Api.json(200, "OK",
                                R"("items":[)" + Items.join(',') + R"(],"count":)" + QByteArray::number(Items.size()));
            if (request.method == "POST")
                return create(request.body);
            return Api.methodNotAllowed("GET, HEAD, POST");
        }
        if (path.startsWith(itemPrefix)) {
            if (!read)
                return Api.methodNotAllowed("GET, HEAD");
            const QByteArray idText = path.mid(itemPrefix.size());
            bool ok = false;
            const int id = idText.toInt(&ok);
            if (!ok || id < 1 || id > Items.size()) {
                const QString error = QStringLiteral("no item with id ") + QString::fromUtf8(idText);
                return Api.json(404, "Not Found", R"("error":)" + jsonString(error));
            }
            return Api.json(200, "OK", R"("item":)" + Items.at(id - 1));
        }
        if (path == "/api/v1/health") {
            if (!read)
                return Api.methodNotAllowed("GET, HEAD");
            return Api.json(200, "OK", R"("status":"ok")");
        }
        return Api.json(404, "Not Found", R"("error":"not found","path":)" + jsonString(QString::fromUtf8(path)));
    }

    // The item as sent, keys in the client's order, behind the id this service gives it.
    Response create(const QByteArray &body)
    {
        const Result<JsonTree> parsed = JsonTree::parse(body);
        if (!parsed) {
            const QString error = QStringLiteral("the body is not JSON: ") + parsed.error();
            return Api.json(400, "Bad Request", R"("error":)" + jsonString(error));
        }
        const JsonTree &tree = parsed.value();
        const JsonTree::Node &root = tree.node(JsonTree::root());
        if (root.kind != JsonTree::Kind::Object) {
            return Api.json(400, "Bad Request",
                            R"("error":"the body must be a JSON object, like {\"name\":\"lamp\"}")");
        }
        QByteArray item = R"({"id":)" + QByteArray::number(m_nextId++);
        for (const int child : root.children) {
            const JsonTree::Node &member = tree.node(child);
            if (member.key == u"id")
                continue;  // ids are this service's to give
            item += ',' + jsonString(member.key) + ':' + tree.source().mid(member.begin, member.end - member.begin);
        }
        return Api.json(201, "Created", R"("item":)" + item + '}');
    }

    int m_nextId = int(Items.size()) + 1;
};

} // namespace

DemoIngress::DemoIngress(QObject *parent) : QObject(parent), m_server(new MiniHttpServer(Routes(), this))
{
}

DemoIngress::~DemoIngress() = default;

Result<void> DemoIngress::start()
{
    if (const Result<void> listening = m_server->listen(QHostAddress::LocalHost, 0); !listening)
        return Error{QCoreApplication::translate("Demo", "the demo ingress cannot start: %1").arg(listening.error())};
    return {};
}

quint16 DemoIngress::port() const
{
    return m_server->port();
}

ForwardRule DemoIngress::rule() const
{
    ForwardRule rule;
    rule.name = QStringLiteral("demo ingress");  // a name, as the user's are: not translated
    rule.listen = Endpoint{QStringLiteral("127.0.0.1"), RulePort};
    rule.target = Endpoint{QStringLiteral("127.0.0.1"), port()};
    rule.inspectHttp = true;  // an ingress, though not on port 80: its requests are what the demo shows
    return rule;
}

HttpRequest DemoIngress::sampleRequest()
{
    HttpRequest request;
    request.method = QStringLiteral("GET");
    request.url = QStringLiteral("http://127.0.0.1:%1/api/v1/items").arg(RulePort);
    request.headers.append(HttpHeader{QStringLiteral("Host"), QStringLiteral("api.local")});
    return request;
}
