#pragma once

#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QString>

#include "result.h"

// A value a request uses where it says {{name}}.
struct Variable
{
    QString name;
    QString value;
    // Never written to a collection, the history or an export; in output the value
    // reads {{name}}. A secret without a value takes it from PASARELA_VAR_<name>.
    bool secret = false;

    friend bool operator==(const Variable &a, const Variable &b)
    {
        return a.name == b.name && a.value == b.value && a.secret == b.secret;
    }
};

// Variables under a name ("dev", "staging"), as in Postman and Bruno.
struct Environment
{
    QString name;
    QList<Variable> variables;  // by name (JSON objects keep no order)

    // The variable of that name, or null.
    const Variable *find(const QString &name) const;
    // Replaces the variable of that name, or adds it in name order.
    void set(const Variable &variable);

    friend bool operator==(const Environment &a, const Environment &b)
    {
        return a.name == b.name && a.variables == b.variables;
    }
};
using Environments = QList<Environment>;

// Letters, digits and _ . -, not starting with . or -: "host", "api.token", "user_id".
bool isValidVariableName(const QString &name);

// The environments of a collection, or of an environments file:
//   {"dev": {"host": "api.local:8080", "token": {"secret": true}},
//    "prod": {"host": "api.example.com", "retries": 3, "token": {"value": "...", "secret": true}}}
// A value is a text, a number or true/false (used as written), or an object with
// "value" and "secret". Errors name the environment and the variable.
Result<Environments> environmentsFromJson(const QJsonValue &value);
// Secret values are left out ({"secret": true}) unless keepSecrets.
QJsonObject environmentsToJson(const Environments &environments, bool keepSecrets);

// The environment of that name, or null.
const Environment *findEnvironment(const Environments &environments, const QString &name);
// The names, for messages: "dev, prod".
QString environmentNames(const Environments &environments);
// base with the variables of overriding's environments put in (replacing those of the
// same name) and overriding's other environments added.
Environments mergeEnvironments(Environments base, const Environments &overriding);

// The environments file that goes with a collection: "pasarela-environments.json" in
// the collection file's folder, shared by the collections kept there.
QString environmentsFileBeside(const QString &collectionPath);
// {"format": "pasarela-environments", "version": 1, "environments": {...}}; "format" and
// "version" may be left out. A missing file holds none. A broken file is an error naming
// it; it is the user's file, so it is left where it is.
Result<Environments> loadEnvironmentsFile(const QString &path);
// The file as loadEnvironmentsFile reads it, secret values left out unless keepSecrets.
QByteArray environmentsDocument(const Environments &environments, bool keepSecrets);
