#include "assertions.h"

#include <cmath>

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>

#include "assertiontext.h"
#include "jsonpath.h"
#include "rules/forwardrule.h"

using namespace AssertionText;

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

bool isStatusCode(const QJsonValue &value)
{
    const double number = value.toDouble();
    return value.isDouble() && std::trunc(number) == number && number >= 100 && number <= 599;
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

} // namespace

QString AssertionText::shortened(const QString &text)
{
    return text.size() <= MaxShown ? text : text.left(MaxShown - 1) + u'\u2026';
}

QString AssertionText::quoted(const QString &text)
{
    return u'"' + shortened(text) + u'"';
}

QString AssertionText::compactJson(const QJsonValue &value)
{
    const QByteArray array = QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact);
    return QString::fromUtf8(array.mid(1, array.size() - 2));
}

QString AssertionText::pattern(const QJsonValue &expected)
{
    return u'/' + expected.toString() + u'/';
}

bool AssertionText::isStatusClass(const QString &text)
{
    return text.size() == 3 && text.at(0) >= u'1' && text.at(0) <= u'5' && text.mid(1).compare(u"xx", Qt::CaseInsensitive) == 0;
}

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
