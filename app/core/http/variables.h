#pragma once

#include <QByteArray>
#include <QHash>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

#include "environments.h"
#include "httpmessage.h"
#include "result.h"

// True when text holds a {{name}} or {{$env.NAME}} placeholder.
bool hasPlaceholder(const QString &text);
// The distinct names text refers to, in order: "host", "$env.TOKEN".
QStringList placeholders(const QString &text);

// What {{name}} stands for when a request is sent, looked up in this order:
//   {{$env.NAME}}       the process's environment variable NAME (a secret)
//   PASARELA_VAR_name   the process's environment variable, over any file (a secret)
//   the environment     the chosen environment's variable
// Values from the process are secrets: they stay out of git, the history and exports.
// Values are put in as they are (a {{...}} inside a value is not expanded again).
class VariableSet
{
public:
    // "PASARELA_VAR_token" for "token".
    static QString processName(const QString &variable);

    // No environment: only the process's variables.
    VariableSet();
    explicit VariableSet(Environment environment,
                         QProcessEnvironment process = QProcessEnvironment::systemEnvironment());

    const Environment &environment() const { return m_environment; }

    struct Value
    {
        QString text;
        bool secret = false;
    };
    // The value of a placeholder's name ("host", "$env.TOKEN"); the error names it and says
    // where it could be defined.
    Result<Value> resolve(const QString &name) const;

    // The request to send: every placeholder of its URL, enabled headers (names and values)
    // and body replaced. The error names each placeholder that has no value; nothing
    // should be sent then.
    Result<HttpRequest> apply(const HttpRequest &request) const;
    // The request as the history, exports and reports keep it: placeholders of secrets
    // (and those without a value) stay as written, the others are replaced.
    HttpRequest applyPublic(const HttpRequest &request) const;
    // Text with the value of every secret used so far (and of the environment's secrets)
    // put back as {{name}}: for messages that may quote a URL or a header.
    QString redact(const QString &text) const;

private:
    Environment m_environment;
    QProcessEnvironment m_process;
    // Secrets resolved so far, value -> placeholder, for redact().
    mutable QHash<QString, QString> m_secretsSeen;
};

// The exchange as the history and exports keep it: the request as written with only
// its non-secret variables filled in (applyPublic), the error and the answer's URL
// redacted. sent is what HttpCall reports for apply(asWritten).
HttpExchange publicExchange(HttpExchange sent, const HttpRequest &asWritten, const VariableSet &variables);
