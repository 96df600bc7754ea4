#include "variables.h"

#include <algorithm>
#include <functional>
#include <optional>
#include <utility>

#include <QCoreApplication>

namespace {

const QString EnvPrefix = QStringLiteral("$env.");
constexpr int MinRedactedLength = 4;  // shorter values would blot out ordinary words

bool isProcessVariableName(QStringView name)
{
    if (name.isEmpty() || (name.front() >= u'0' && name.front() <= u'9'))
        return false;
    for (const QChar c : name) {
        const char16_t u = c.unicode();
        if (!((u >= u'a' && u <= u'z') || (u >= u'A' && u <= u'Z') || (u >= u'0' && u <= u'9') || u == u'_'))
            return false;
    }
    return true;
}

bool isPlaceholderName(const QString &name)
{
    if (name.startsWith(EnvPrefix))
        return isProcessVariableName(QStringView(name).mid(EnvPrefix.size()));
    return isValidVariableName(name);
}

using Replace = std::function<std::optional<QString>(const QString &name)>;

// Each {{name}} (spaces inside the braces allowed) handed to replace; what it returns
// goes in its place, nullopt keeps the placeholder as written.
QString expand(const QString &text, const Replace &replace)
{
    QString out;
    qsizetype from = 0;
    qsizetype open = text.indexOf(QLatin1String("{{"));
    while (open >= 0) {
        const qsizetype close = text.indexOf(QLatin1String("}}"), open + 2);
        if (close < 0)
            break;
        const QString name = text.mid(open + 2, close - open - 2).trimmed();
        if (!isPlaceholderName(name)) {
            open = text.indexOf(QLatin1String("{{"), open + 1);
            continue;
        }
        out += QStringView(text).mid(from, open - from);
        const std::optional<QString> value = replace(name);
        out += value ? QStringView(*value) : QStringView(text).mid(open, close + 2 - open);
        from = close + 2;
        open = text.indexOf(QLatin1String("{{"), from);
    }
    if (from == 0)
        return text;
    out += QStringView(text).mid(from);
    return out;
}

// Bodies are bytes: Latin-1 carries any byte through a QString and back unchanged, and
// placeholders are ASCII; a value goes in as its UTF-8 bytes.
QByteArray expandBytes(const QByteArray &bytes, const Replace &replace)
{
    if (!bytes.contains("{{"))
        return bytes;
    return expand(QString::fromLatin1(bytes), [&replace](const QString &name) -> std::optional<QString> {
               const std::optional<QString> value = replace(name);
               if (!value)
                   return std::nullopt;
               return QString::fromLatin1(value->toUtf8());
           })
        .toLatin1();
}

// The request with replace applied where placeholders count: the URL, the headers that
// are sent (names and values) and the body.
HttpRequest expandRequest(const HttpRequest &request, const Replace &replace)
{
    HttpRequest out = request;
    out.url = expand(request.url, replace);
    for (HttpHeader &header : out.headers) {
        if (!header.enabled || header.redacted)
            continue;
        header.name = expand(header.name, replace);
        header.value = expand(header.value, replace);
    }
    out.body = expandBytes(request.body, replace);
    return out;
}

} // namespace

bool hasPlaceholder(const QString &text)
{
    return !placeholders(text).isEmpty();
}

QStringList placeholders(const QString &text)
{
    QStringList names;
    expand(text, [&names](const QString &name) -> std::optional<QString> {
        if (!names.contains(name))
            names.append(name);
        return std::nullopt;
    });
    return names;
}

VariableSet::VariableSet() : m_process(QProcessEnvironment::systemEnvironment()) {}

VariableSet::VariableSet(Environment environment, QProcessEnvironment process)
    : m_environment(std::move(environment))
    , m_process(std::move(process))
{
}

QString VariableSet::processName(const QString &variable)
{
    return QStringLiteral("PASARELA_VAR_") + variable;
}

Result<VariableSet::Value> VariableSet::resolve(const QString &name) const
{
    const auto seen = [this, &name](const QString &value) {
        if (value.size() >= MinRedactedLength)
            m_secretsSeen.insert(value, u"{{" + name + u"}}");
        return Value{value, true};
    };
    if (name.startsWith(EnvPrefix)) {
        const QString variable = name.mid(EnvPrefix.size());
        if (!m_process.contains(variable))
            return Error{QCoreApplication::translate("Http", "{{%1}}: the environment variable %2 is not set")
                             .arg(name, variable)};
        return seen(m_process.value(variable));
    }
    if (m_process.contains(processName(name)))
        return seen(m_process.value(processName(name)));
    const Variable *variable = m_environment.find(name);
    if (variable && variable->secret && variable->value.isEmpty()) {
        return Error{QCoreApplication::translate("Http", "{{%1}} is a secret without a value here: set the environment "
                                                         "variable %2")
                         .arg(name, processName(name))};
    }
    if (variable)
        return variable->secret ? seen(variable->value) : Value{variable->value, false};
    if (m_environment.name.isEmpty()) {
        return Error{QCoreApplication::translate("Http", "unknown variable {{%1}}: no environment is chosen; choose one "
                                                         "that defines it, or set the environment variable %2")
                         .arg(name, processName(name))};
    }
    return Error{QCoreApplication::translate("Http", "unknown variable {{%1}}: the environment \"%2\" does not define "
                                                     "it; add it there, or set the environment variable %3")
                     .arg(name, m_environment.name, processName(name))};
}

Result<HttpRequest> VariableSet::apply(const HttpRequest &request) const
{
    QStringList errors;
    const HttpRequest out = expandRequest(request, [this, &errors](const QString &name) -> std::optional<QString> {
        Result<Value> value = resolve(name);
        if (value)
            return value.value().text;
        if (!errors.contains(value.error()))
            errors.append(value.error());
        return std::nullopt;
    });
    if (!errors.isEmpty())
        return Error{errors.join(QStringLiteral("; "))};
    return out;
}

HttpRequest VariableSet::applyPublic(const HttpRequest &request) const
{
    return expandRequest(request, [this](const QString &name) -> std::optional<QString> {
        const Result<Value> value = resolve(name);
        if (!value || value.value().secret)
            return std::nullopt;
        return value.value().text;
    });
}

QString VariableSet::redact(const QString &text) const
{
    QHash<QString, QString> secrets = m_secretsSeen;
    for (const Variable &variable : m_environment.variables) {
        if (variable.secret && variable.value.size() >= MinRedactedLength)
            secrets.insert(variable.value, u"{{" + variable.name + u"}}");
    }
    // Longest first: a secret that holds another is replaced whole.
    QStringList values = secrets.keys();
    std::sort(values.begin(), values.end(), [](const QString &a, const QString &b) { return a.size() > b.size(); });
    QString out = text;
    for (const QString &value : std::as_const(values))
        out.replace(value, secrets.value(value));
    return out;
}

HttpExchange publicExchange(HttpExchange sent, const HttpRequest &asWritten, const VariableSet &variables)
{
    // The answer's URL is the sent one unless redirected: as written then, else redacted.
    const QString sentUrl = sent.request.url;
    sent.request = variables.applyPublic(asWritten);
    sent.response.finalUrl =
        sent.response.finalUrl == sentUrl ? sent.request.url : variables.redact(sent.response.finalUrl);
    sent.error = variables.redact(sent.error);
    return sent;
}
