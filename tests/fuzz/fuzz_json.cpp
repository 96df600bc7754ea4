// The JSON tree of response bodies (JsonTree::parse, pretty, path), the exchange
// file that embeds them, and a request as stored in history (requestFromJson).
#include <cstddef>
#include <cstdint>

#include <QJsonDocument>

#include "fuzzcheck.h"
#include "http/httpmessage.h"
#include "http/jsontree.h"

namespace {

// path() and displayValue() per node; copyValue() pretty-prints a subtree, so only a few.
constexpr int MaxNodesVisited = 4096;
constexpr int MaxCopies = 8;

void checkTree(const JsonTree &tree)
{
    const int nodes = tree.size();
    FUZZ_CHECK(nodes >= 1, QStringLiteral("no root node"));
    for (int id = 0; id < qMin(nodes, MaxNodesVisited); ++id) {
        const JsonTree::Node &node = tree.node(id);
        FUZZ_CHECK(node.parent < id && (id == 0) == (node.parent < 0), QString::number(id));
        FUZZ_CHECK(0 <= node.begin && node.begin < node.end && node.end <= tree.source().size(), QString::number(id));
        for (const int child : node.children)
            FUZZ_CHECK(child > id && child < nodes && tree.node(child).parent == id, QString::number(id));
        FUZZ_CHECK(tree.path(id).startsWith(u'.'), tree.path(id));
        tree.displayValue(id);
        if (id < MaxCopies)
            tree.copyValue(id);
    }
}

// Pretty printing changes only whitespace: the same nodes with the same keys and values.
void checkPretty(const JsonTree &tree)
{
    const QByteArray pretty = JsonTree::pretty(tree.source());
    const Result<JsonTree> again = JsonTree::parse(pretty);
    FUZZ_CHECK(again, QString::fromUtf8(pretty) % u" -> " % again.error());
    FUZZ_CHECK(again.value().size() == tree.size(), QString::fromUtf8(pretty));
    for (int id = 0; id < qMin(tree.size(), MaxNodesVisited); ++id) {
        const JsonTree::Node &a = tree.node(id);
        const JsonTree::Node &b = again.value().node(id);
        FUZZ_CHECK(a.kind == b.kind && a.key == b.key && a.parent == b.parent, QString::number(id));
        FUZZ_CHECK(tree.displayValue(id) == again.value().displayValue(id), QString::number(id));
    }
    FUZZ_CHECK(JsonTree::pretty(pretty) == pretty, QString::fromUtf8(pretty));
}

// The exported exchange splices JSON bodies in as sent: the file must still be JSON.
void checkExchangeDocument(const QByteArray &body)
{
    HttpExchange exchange;
    exchange.request.method = QStringLiteral("POST");
    exchange.request.url = QStringLiteral("http://127.0.0.1/");
    exchange.request.body = body;
    exchange.response.status = 200;
    exchange.response.body = body;
    const QByteArray document = exchangeDocument(exchange, false);
    QJsonParseError error{};
    QJsonDocument::fromJson(document, &error);
    FUZZ_CHECK(error.error == QJsonParseError::NoError, error.errorString() % u'\n' % QString::fromUtf8(document));
}

// History keeps every field: a request read from it is written back and read again unchanged.
void checkStoredRequest(const QByteArray &json)
{
    const QJsonDocument document = QJsonDocument::fromJson(json);
    if (!document.isObject())
        return;
    const Result<HttpRequest> request = requestFromJson(document.object());
    if (!request)
        return;
    const QJsonObject stored = requestToJson(request.value(), true);
    const Result<HttpRequest> again = requestFromJson(stored);
    FUZZ_CHECK(again && again.value() == request.value(), QString::fromUtf8(QJsonDocument(stored).toJson()) % again.error());
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fuzzQuietQt();
    const QByteArray json(reinterpret_cast<const char *>(data), qsizetype(size));
    if (const Result<JsonTree> tree = JsonTree::parse(json)) {
        checkTree(tree.value());
        checkPretty(tree.value());
    }
    checkExchangeDocument(json);
    checkStoredRequest(json);
    return 0;
}
