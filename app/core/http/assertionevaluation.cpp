#include "assertions.h"

#include <optional>

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>

#include "assertiontext.h"
#include "jsonpath.h"
#include "jsontree.h"

using namespace AssertionText;

namespace {

using Subject = Assertion::Subject;
using Check = Assertion::Check;

// Numbers compare by value (7 equals 7.0), objects by their members in any order.
bool jsonEquals(const QJsonValue &a, const QJsonValue &b)
{
    if (a.isDouble() && b.isDouble())
        return a.toDouble() == b.toDouble();
    if (a.type() != b.type())
        return false;
    if (a.isArray()) {
        const QJsonArray x = a.toArray();
        const QJsonArray y = b.toArray();
        if (x.size() != y.size())
            return false;
        for (qsizetype i = 0; i < x.size(); ++i) {
            if (!jsonEquals(x.at(i), y.at(i)))
                return false;
        }
        return true;
    }
    if (a.isObject()) {
        const QJsonObject x = a.toObject();
        const QJsonObject y = b.toObject();
        if (x.size() != y.size())
            return false;
        for (auto it = x.begin(); it != x.end(); ++it) {
            if (!y.contains(it.key()) || !jsonEquals(it.value(), y.value(it.key())))
                return false;
        }
        return true;
    }
    return a == b;
}

// The found JSON value as a QJsonValue (a scalar is read inside an array).
QJsonValue nodeValue(const JsonTree &tree, int id)
{
    const JsonTree::Node &node = tree.node(id);
    const QByteArray text = '[' + tree.source().mid(node.begin, node.end - node.begin) + ']';
    return QJsonDocument::fromJson(text).array().at(0);
}

// Scalars as the server wrote them (a big number keeps its digits), containers compact.
QString nodeText(const JsonTree &tree, int id)
{
    const JsonTree::Node &node = tree.node(id);
    if (node.kind == JsonTree::Kind::Object || node.kind == JsonTree::Kind::Array)
        return shortened(compactJson(nodeValue(tree, id)));
    return shortened(QString::fromUtf8(tree.source().mid(node.begin, node.end - node.begin)));
}

// The body, parsed at most once for all of a request's JSON assertions.
class Body
{
public:
    explicit Body(const QByteArray &bytes) : m_bytes(bytes) {}
    const Result<JsonTree> &tree()
    {
        if (!m_tree)
            m_tree.emplace(JsonTree::parse(m_bytes));
        return *m_tree;
    }

private:
    const QByteArray &m_bytes;
    std::optional<Result<JsonTree>> m_tree;
};

QString headerValue(const HttpResponse &response, const QString &name, bool *found)
{
    QStringList values;
    for (const HttpHeader &h : response.headers) {
        if (h.name.compare(name, Qt::CaseInsensitive) == 0)
            values.append(h.value);
    }
    *found = !values.isEmpty();
    return values.join(QStringLiteral(", "));
}

QString failStatus(const Assertion &a, const HttpResponse &response)
{
    const bool ok = a.check == Check::InClass ? response.status / 100 == a.expected.toString().at(0).digitValue()
                                              : response.status == a.expected.toInt();
    if (ok)
        return {};
    const QString expected = a.check == Check::InClass ? a.expected.toString().toLower() : QString::number(a.expected.toInt());
    return QCoreApplication::translate("Assertions", "status %1, expected %2").arg(QString::number(response.status), expected);
}

QString failHeader(const Assertion &a, const HttpResponse &response)
{
    bool found = false;
    const QString value = headerValue(response, a.target, &found);
    const QString shown = isSecretHeader(a.target) ? QStringLiteral("<redacted>") : quoted(value);
    switch (a.check) {
    case Check::Exists:
        return found ? QString() : QCoreApplication::translate("Assertions", "header %1 is missing").arg(a.target);
    case Check::Absent:
        return !found ? QString()
                      : QCoreApplication::translate("Assertions", "header %1: expected none, got %2").arg(a.target, shown);
    case Check::Equals:
        if (!found)
            return QCoreApplication::translate("Assertions", "header %1 is missing, expected %2")
                .arg(a.target, quoted(a.expected.toString()));
        return value == a.expected.toString()
                   ? QString()
                   : QCoreApplication::translate("Assertions", "header %1: expected %2, got %3")
                         .arg(a.target, quoted(a.expected.toString()), shown);
    case Check::Matches:
        if (!found)
            return QCoreApplication::translate("Assertions", "header %1 is missing, expected a match for %2")
                .arg(a.target, pattern(a.expected));
        return QRegularExpression(a.expected.toString()).match(value).hasMatch()
                   ? QString()
                   : QCoreApplication::translate("Assertions", "header %1: %2 does not match %3")
                         .arg(a.target, shown, pattern(a.expected));
    case Check::InClass:
    case Check::Below:
        break;
    }
    return {};
}

QString failJson(const Assertion &a, Body &body)
{
    const Result<JsonTree> &tree = body.tree();
    if (!tree)
        return QCoreApplication::translate("Assertions", "%1: the body is not JSON (%2)").arg(a.target, tree.error());
    const Result<JsonPath> path = JsonPath::parse(a.target);
    if (!path)
        return path.error();
    const std::optional<int> id = path.value().find(tree.value());
    switch (a.check) {
    case Check::Exists:
        return id ? QString() : QCoreApplication::translate("Assertions", "%1: not found").arg(a.target);
    case Check::Absent:
        return !id ? QString()
                   : QCoreApplication::translate("Assertions", "%1: expected none, got %2")
                         .arg(a.target, nodeText(tree.value(), *id));
    case Check::Equals:
        if (!id)
            return QCoreApplication::translate("Assertions", "%1: not found, expected %2")
                .arg(a.target, shortened(compactJson(a.expected)));
        return jsonEquals(nodeValue(tree.value(), *id), a.expected)
                   ? QString()
                   : QCoreApplication::translate("Assertions", "%1: expected %2, got %3")
                         .arg(a.target, shortened(compactJson(a.expected)), nodeText(tree.value(), *id));
    case Check::Matches: {
        if (!id)
            return QCoreApplication::translate("Assertions", "%1: not found, expected a match for %2")
                .arg(a.target, pattern(a.expected));
        const bool isString = tree.value().node(*id).kind == JsonTree::Kind::String;
        const QString text = isString ? tree.value().displayValue(*id) : nodeText(tree.value(), *id);
        return QRegularExpression(a.expected.toString()).match(text).hasMatch()
                   ? QString()
                   : QCoreApplication::translate("Assertions", "%1: %2 does not match %3")
                         .arg(a.target, isString ? quoted(text) : text, pattern(a.expected));
    }
    case Check::InClass:
    case Check::Below:
        break;
    }
    return {};
}

QString failTime(const Assertion &a, const HttpResponse &response)
{
    if (response.totalMs < a.expected.toDouble())
        return {};
    return QCoreApplication::translate("Assertions", "time %1 ms, expected under %2 ms")
        .arg(QString::number(response.totalMs, 'f', 1), compactJson(a.expected));
}

} // namespace

QList<AssertionResult> evaluate(const QList<Assertion> &assertions, const HttpResponse &response)
{
    Body body(response.body);
    QList<AssertionResult> results;
    for (const Assertion &a : assertions) {
        AssertionResult result;
        result.description = describe(a);
        QString failure;
        if (const Result<void> valid = validateAssertion(a); !valid) {
            failure = valid.error();
        } else {
            switch (a.subject) {
            case Subject::Status:
                failure = failStatus(a, response);
                break;
            case Subject::Header:
                failure = failHeader(a, response);
                break;
            case Subject::Json:
                failure = failJson(a, body);
                break;
            case Subject::Time:
                failure = failTime(a, response);
                break;
            }
        }
        result.passed = failure.isEmpty();
        result.message = result.passed ? result.description : failure;
        results.append(result);
    }
    return results;
}

AssertionResult evaluate(const Assertion &assertion, const HttpResponse &response)
{
    return evaluate(QList<Assertion>{assertion}, response).constFirst();
}
