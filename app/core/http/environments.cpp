#include "environments.h"

#include <algorithm>

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>

#include "rules/forwardrule.h"

namespace {

const QString KeyFormat = QStringLiteral("format");
const QString KeyVersion = QStringLiteral("version");
const QString KeyEnvironments = QStringLiteral("environments");
const QString KeyValue = QStringLiteral("value");
const QString KeySecret = QStringLiteral("secret");
const QString Format = QStringLiteral("pasarela-environments");
constexpr int FormatVersion = 1;

Result<Variable> variableFromJson(const QString &name, const QJsonValue &value)
{
    if (!isValidVariableName(name)) {
        return Error{QCoreApplication::translate("Http", "variable \"%1\": use letters, digits and _ . - in a name "
                                                         "(not starting with . or -)")
                         .arg(name)};
    }
    Variable variable;
    variable.name = name;
    QJsonValue text = value;
    if (value.isObject()) {
        const QJsonObject object = value.toObject();
        for (auto it = object.begin(); it != object.end(); ++it) {
            if (it.key() != KeyValue && it.key() != KeySecret)
                return Error{QCoreApplication::translate("Http", "variable \"%1\": unknown key \"%2\" (use \"value\" "
                                                                 "and \"secret\")")
                                 .arg(name, it.key())};
        }
        const QJsonValue secret = object.value(KeySecret);
        if (!secret.isUndefined() && !secret.isBool())
            return Error{QCoreApplication::translate("Http", "variable \"%1\": \"secret\" must be true or false, got %2")
                             .arg(name, jsonTypeName(secret))};
        variable.secret = secret.toBool();
        text = object.value(KeyValue);
        if (text.isUndefined()) {
            if (!variable.secret)
                return Error{QCoreApplication::translate("Http", "variable \"%1\": give it a \"value\" (only a secret "
                                                                 "may come without one)")
                                 .arg(name)};
            return variable;
        }
    }
    if (text.isString())
        variable.value = text.toString();
    else if (text.isBool())
        variable.value = text.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    else if (text.isDouble())
        variable.value = QString::fromUtf8(QJsonDocument(QJsonArray{text}).toJson(QJsonDocument::Compact)).mid(1).chopped(1);
    else
        return Error{QCoreApplication::translate("Http", "variable \"%1\": expected a text, a number, true or false, "
                                                         "or {\"value\": ..., \"secret\": true}, got %2")
                         .arg(name, jsonTypeName(text))};
    return variable;
}

} // namespace

const Variable *Environment::find(const QString &name) const
{
    const auto found = std::find_if(variables.cbegin(), variables.cend(),
                                    [&name](const Variable &v) { return v.name == name; });
    return found == variables.cend() ? nullptr : &*found;
}

void Environment::set(const Variable &variable)
{
    const auto at = std::lower_bound(variables.begin(), variables.end(), variable.name,
                                     [](const Variable &v, const QString &name) { return v.name < name; });
    if (at != variables.end() && at->name == variable.name)
        *at = variable;
    else
        variables.insert(at, variable);
}

bool isValidVariableName(const QString &name)
{
    if (name.isEmpty() || name.startsWith(u'.') || name.startsWith(u'-'))
        return false;
    return std::all_of(name.cbegin(), name.cend(), [](QChar c) {
        const char16_t u = c.unicode();
        return (u >= u'a' && u <= u'z') || (u >= u'A' && u <= u'Z') || (u >= u'0' && u <= u'9') || u == u'_'
               || u == u'.' || u == u'-';
    });
}

Result<Environments> environmentsFromJson(const QJsonValue &value)
{
    if (value.isUndefined())
        return Environments{};
    if (!value.isObject())
        return Error{QCoreApplication::translate("Http", "\"environments\" must be an object like {\"dev\": {\"host\": "
                                                         "\"api.local\"}}, got %1")
                         .arg(jsonTypeName(value))};
    Environments environments;
    const QJsonObject object = value.toObject();
    for (auto it = object.begin(); it != object.end(); ++it) {
        if (it.key().trimmed().isEmpty())
            return Error{QCoreApplication::translate("Http", "an environment needs a name that is not empty")};
        if (!it.value().isObject())
            return Error{QCoreApplication::translate("Http", "environment \"%1\" must be an object of variables, got %2")
                             .arg(it.key(), jsonTypeName(it.value()))};
        Environment environment;
        environment.name = it.key();
        const QJsonObject variables = it.value().toObject();
        for (auto v = variables.begin(); v != variables.end(); ++v) {
            Result<Variable> variable = variableFromJson(v.key(), v.value());
            if (!variable)
                return Error{QCoreApplication::translate("Http", "environment \"%1\": %2").arg(it.key(), variable.error())};
            environment.variables.append(variable.value());
        }
        environments.append(environment);
    }
    return environments;
}

QJsonObject environmentsToJson(const Environments &environments, bool keepSecrets)
{
    QJsonObject object;
    for (const Environment &environment : environments) {
        QJsonObject variables;
        for (const Variable &v : environment.variables) {
            if (!v.secret) {
                variables.insert(v.name, v.value);
                continue;
            }
            QJsonObject secret{{KeySecret, true}};
            if (keepSecrets && !v.value.isEmpty())
                secret.insert(KeyValue, v.value);
            variables.insert(v.name, secret);
        }
        object.insert(environment.name, variables);
    }
    return object;
}

const Environment *findEnvironment(const Environments &environments, const QString &name)
{
    const auto found = std::find_if(environments.cbegin(), environments.cend(),
                                    [&name](const Environment &e) { return e.name == name; });
    return found == environments.cend() ? nullptr : &*found;
}

QString environmentNames(const Environments &environments)
{
    QStringList names;
    for (const Environment &environment : environments)
        names.append(environment.name);
    return names.join(QStringLiteral(", "));
}

Environments mergeEnvironments(Environments base, const Environments &overriding)
{
    for (const Environment &environment : overriding) {
        const auto same = std::find_if(base.begin(), base.end(),
                                       [&environment](const Environment &e) { return e.name == environment.name; });
        if (same == base.end()) {
            base.append(environment);
            continue;
        }
        for (const Variable &variable : environment.variables)
            same->set(variable);
    }
    return base;
}

QString environmentsFileBeside(const QString &collectionPath)
{
    return QFileInfo(collectionPath).absoluteDir().filePath(QStringLiteral("pasarela-environments.json"));
}

Result<Environments> loadEnvironmentsFile(const QString &path)
{
    QFile file(path);
    if (!file.exists())
        return Environments{};
    if (!file.open(QIODevice::ReadOnly))
        return Error{QCoreApplication::translate("Http", "%1: cannot read the environments: %2").arg(path, file.errorString())};
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(file.readAll(), &parseError);
    const auto broken = [&path](const QString &why) {
        return Error{QCoreApplication::translate("Http", "%1: %2").arg(path, why)};
    };
    if (parseError.error != QJsonParseError::NoError)
        return broken(QCoreApplication::translate("Http", "not valid JSON (%1 at byte %2)")
                          .arg(parseError.errorString(), QString::number(parseError.offset)));
    const QJsonObject root = document.object();
    const QJsonValue format = root.value(KeyFormat);
    if (!document.isObject() || (!format.isUndefined() && format.toString() != Format)
        || !root.value(KeyEnvironments).isObject()) {
        return broken(QCoreApplication::translate("Http", "not a Pasarela environments file: expected {\"environments\": "
                                                          "{\"dev\": {\"host\": \"api.local\"}}}"));
    }
    const QJsonValue version = root.value(KeyVersion);
    if (!version.isUndefined() && version.toInt() != FormatVersion)
        return broken(QCoreApplication::translate("Http", "environments version %1 is not one this Pasarela reads")
                          .arg(version.toVariant().toString()));
    Result<Environments> environments = environmentsFromJson(root.value(KeyEnvironments));
    if (!environments)
        return broken(environments.error());
    return environments;
}

QByteArray environmentsDocument(const Environments &environments, bool keepSecrets)
{
    const QJsonObject root{{KeyFormat, Format}, {KeyVersion, FormatVersion},
                           {KeyEnvironments, environmentsToJson(environments, keepSecrets)}};
    return QJsonDocument(root).toJson(QJsonDocument::Indented);
}
