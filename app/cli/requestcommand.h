#pragma once

#include <QString>
#include <QStringList>

#include "http/httpmessage.h"
#include "result.h"

// `pasarela request [-X METHOD] [-H 'Name: value']... [-d BODY | --data-file FILE]
//  [-o FILE] [--timeout MS] [--insecure] [-L] [--fail] [--export FILE] URL`
struct RequestOptions
{
    enum ExitCode { Ok = 0, HttpError = 1, BadArguments = 2, TransportFailure = 3 };

    HttpRequest request;       // followRedirects off unless -L, as with curl
    QString outputPath;        // -o; empty: stdout
    QString exportPath;        // --export
    bool failOnHttpError = false;  // --fail
    bool keepSecrets = false;      // --keep-secrets: Authorization/Cookie values in --export
    bool showHelp = false;
    QString helpText;
};

// `arguments` is argv from the program name on: {"pasarela", "request", ...}.
// Errors name the argument: `-H "Host": expected "Name: value"`.
Result<RequestOptions> parseRequestCommand(const QStringList &arguments);

// Sends the request and waits for it in a local event loop (needs a
// QCoreApplication). Body to stdout or atomically to outputPath; status line and
// timings to stderr; returns the exit code.
int runRequestCommand(const RequestOptions &options);
