#include "assertions.h"

#include <cmath>
#include <optional>

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>

#include "jsonpath.h"
#include "jsontree.h"
#include "rules/forwardrule.h"

namespace {

using Subject = Assertion::Subject;
using Check = Assertion::Check;

const QString KeyStatus = QStringLiteral("status");
const QString KeyHeader = QStringLiteral("header");
const QString KeyJson = QStringLiteral("json");
const QString KeyTime = QStringLiteral("timeUnderMs");
const QString KeyEquals = QStringLiteral("equals");
const QString KeyExists = QStringLiteral("exists");
const QString KeyMatches = QStringLiteral("matches");
constexpr qsizetype MaxShown = 80;

QString shortened(const QString &text)
{
    return text.size() <= MaxShown ? text : text.left(MaxShown - 1) + u'\u2026';
}

QString quoted(const QString &text)
{
    return u'"' + shortened(text) + u'"';
}

QString compactJson(const QJsonValue &value)
{
    const QByteArray array = QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact);
    return QString::fromUtf8(array.mid(1, array.size() - 2));
}

QString pattern(const QJsonValue &expected)
{
    return u'/' + expected.toString() + u'/';
}

bool isStatusClass(const QString &text)
{
    return text.size() == 3 && text.at(0) >= u'1' && text.at(0) <= u'5' && text.mid(1).compare(u"xx", Qt::CaseInsensitive) == 0;
}

bool isStatusCode(const QJsonValue &value)
{
    const double number = value.toDouble();
    return value.isDouble() && std::trunc(number) == number && number >= 100 && number <= 599;
}

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

Error badOperator(const QString &subject)
{
    return Error{QCoreApplication::translate("Assertions", "%1: give one of \"equals\", \"exists\" or \"matches\", as in "
                                                           "{\"%1\": ..., \"equals\": ...}")
                     .arg(subject)};
}

Result<Assertion> readOperator(Assertion assertion, const QJsonObject &object, const QString &subject)
{
    QStringList operators;
    for (const QString &key : object.keys()) {
        if (key == KeyEquals || key == KeyExists || key == KeyMatches)
            operators.append(key);
        else if (key != subject)
            return Error{QCoreApplication::translate("Assertions", "%1 assertion: unknown key \"%2\" (use \"equals\", "
                                                                   "\"exists\" or \"matches\")")
                             .arg(subject, key)};
    }
    if (operators.size() != 1)
        return badOperator(subject);
    const QJsonValue value = object.value(operators.constFirst());
    if (operators.constFirst() == KeyExists) {
        if (!value.isBool())
            return Error{QCoreApplication::translate("Assertions", "%1 assertion: \"exists\" must be true or false, got %2")
                             .arg(subject, jsonTypeName(value))};
        assertion.check = value.toBool() ? Check::Exists : Check::Absent;
    } else if (operators.constFirst() == KeyMatches) {
        assertion.check = Check::Matches;
        assertion.expected = value;
    } else {
        assertion.check = Check::Equals;
        assertion.expected = value;
    }
    return assertion;
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

Result<Assertion> assertionFromJson(const QJsonValue &value)
{
    if (!value.isObject())
        return Error{QCoreApplication::translate("Assertions", "an assertion is an object like {\"status\": 200}, got %1")
                         .arg(jsonTypeName(value))};
    const QJsonObject object = value.toObject();
    QStringList subjects;
    for (const QString &key : {KeyStatus, KeyHeader, KeyJson, KeyTime}) {
        if (object.contains(key))
            subjects.append(key);
    }
    if (subjects.size() != 1) {
        return Error{QCoreApplication::translate("Assertions", "an assertion checks one of \"status\", \"header\", "
                                                               "\"json\" or \"timeUnderMs\", got %1")
                         .arg(QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact)))};
    }
    const QString subject = subjects.constFirst();
    const QJsonValue subjectValue = object.value(subject);
    Assertion assertion;
    if (subject == KeyStatus || subject == KeyTime) {
        if (object.size() != 1)
            return Error{QCoreApplication::translate("Assertions", "%1 assertion: only {\"%1\": ...}, no other keys")
                             .arg(subject)};
        assertion.expected = subjectValue;
        if (subject == KeyTime) {
            assertion.subject = Subject::Time;
            assertion.check = Check::Below;
        } else if (subjectValue.isString() && isStatusClass(subjectValue.toString())) {
            assertion.check = Check::InClass;
        } else {
            assertion.check = Check::Equals;
            // "404" as a text: the status itself.
            bool ok = false;
            const int status = subjectValue.toString().toInt(&ok);
            if (subjectValue.isString() && ok)
                assertion.expected = status;
        }
    } else {
        if (!subjectValue.isString() || subjectValue.toString().trimmed().isEmpty()) {
            const QString what = subject == KeyHeader
                                     ? QCoreApplication::translate("Assertions", "\"header\" must name a header, got %1")
                                     : QCoreApplication::translate("Assertions", "\"json\" must be a JSON path like "
                                                                                 "$.items[0].id, got %1");
            return Error{what.arg(jsonTypeName(subjectValue))};
        }
        assertion.subject = subject == KeyHeader ? Subject::Header : Subject::Json;
        assertion.target = subjectValue.toString().trimmed();
        Result<Assertion> read = readOperator(assertion, object, subject);
        if (!read)
            return read;
        assertion = read.value();
    }
    if (const Result<void> valid = validateAssertion(assertion); !valid)
        return Error{valid.error()};
    return assertion;
}

QJsonObject assertionToJson(const Assertion &a)
{
    switch (a.subject) {
    case Subject::Status:
        return {{KeyStatus, a.expected}};
    case Subject::Time:
        return {{KeyTime, a.expected}};
    case Subject::Header:
    case Subject::Json:
        break;
    }
    QJsonObject object{{a.subject == Subject::Header ? KeyHeader : KeyJson, a.target}};
    switch (a.check) {
    case Check::Exists:
    case Check::Absent:
        object.insert(KeyExists, a.check == Check::Exists);
        break;
    case Check::Matches:
        object.insert(KeyMatches, a.expected);
        break;
    case Check::Equals:
    case Check::InClass:
    case Check::Below:
        object.insert(KeyEquals, a.expected);
        break;
    }
    return object;
}

Result<void> validateAssertion(const Assertion &a)
{
    switch (a.subject) {
    case Subject::Status:
        if (a.check == Check::InClass && a.expected.isString() && isStatusClass(a.expected.toString()))
            return {};
        if (a.check == Check::Equals && isStatusCode(a.expected))
            return {};
        return Error{QCoreApplication::translate("Assertions", "status: expected a status like 200 or a class like "
                                                               "\"2xx\", got %1")
                         .arg(compactJson(a.expected))};
    case Subject::Time:
        if (a.check == Check::Below && a.expected.isDouble() && a.expected.toDouble() > 0)
            return {};
        return Error{QCoreApplication::translate("Assertions", "timeUnderMs: expected a number of milliseconds above "
                                                               "0, got %1")
                         .arg(compactJson(a.expected))};
    case Subject::Header:
        if (a.target.isEmpty())
            return Error{QCoreApplication::translate("Assertions", "header: name the header")};
        break;
    case Subject::Json:
        if (const Result<JsonPath> path = JsonPath::parse(a.target); !path)
            return Error{path.error()};
        break;
    }
    switch (a.check) {
    case Check::Exists:
    case Check::Absent:
        return {};
    case Check::Equals:
        if (a.subject == Subject::Header && !a.expected.isString())
            return Error{QCoreApplication::translate("Assertions", "header %1: \"equals\" must be a text, got %2")
                             .arg(a.target, jsonTypeName(a.expected))};
        if (a.expected.isUndefined())
            return Error{QCoreApplication::translate("Assertions", "%1: \"equals\" needs a value").arg(a.target)};
        return {};
    case Check::Matches: {
        if (!a.expected.isString())
            return Error{QCoreApplication::translate("Assertions", "%1: \"matches\" must be a regular expression in a "
                                                                   "text, got %2")
                             .arg(a.target, jsonTypeName(a.expected))};
        const QRegularExpression regex(a.expected.toString());
        if (!regex.isValid())
            return Error{QCoreApplication::translate("Assertions", "%1: \"matches\" /%2/ is not a valid regular "
                                                                   "expression: %3 at character %4")
                             .arg(a.target, a.expected.toString(), regex.errorString(),
                                  QString::number(regex.patternErrorOffset() + 1))};
        return {};
    }
    case Check::InClass:
    case Check::Below:
        break;
    }
    return Error{QCoreApplication::translate("Assertions", "%1: this check does not apply here").arg(a.target)};
}

QString describe(const Assertion &a)
{
    switch (a.subject) {
    case Subject::Status:
        return QCoreApplication::translate("Assertions", "status is %1")
            .arg(a.check == Check::InClass ? a.expected.toString().toLower() : QString::number(a.expected.toInt()));
    case Subject::Time:
        return QCoreApplication::translate("Assertions", "time under %1 ms").arg(compactJson(a.expected));
    case Subject::Header:
    case Subject::Json:
        break;
    }
    const QString subject = a.subject == Subject::Header
                                ? QCoreApplication::translate("Assertions", "header %1").arg(a.target)
                                : a.target;
    switch (a.check) {
    case Check::Exists:
        return QCoreApplication::translate("Assertions", "%1 exists").arg(subject);
    case Check::Absent:
        return QCoreApplication::translate("Assertions", "%1 is absent").arg(subject);
    case Check::Matches:
        return QCoreApplication::translate("Assertions", "%1 matches %2").arg(subject, pattern(a.expected));
    case Check::Equals:
    case Check::InClass:
    case Check::Below:
        break;
    }
    const QString expected = a.subject == Subject::Header ? quoted(a.expected.toString()) : shortened(compactJson(a.expected));
    return QCoreApplication::translate("Assertions", "%1 is %2").arg(subject, expected);
}

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
