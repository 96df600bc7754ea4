#include "requestcommand.h"

#include <cstdio>

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QEventLoop>
#include <QFile>

#include "atomicfile.h"
#include "console.h"
#include "http/httpclient.h"
#include "http/jsontree.h"
#include "stopsignals.h"

namespace {

constexpr int MaxTimeoutMs = 3600 * 1000;

// The body of -d/--data-file: "@FILE" and "@-" (stdin) as with curl, but sent byte for byte.
Result<QByteArray> readBody(const QString &option, const QString &path)
{
    QFile file;
    const bool opened = path == u"-" ? file.open(stdin, QIODevice::ReadOnly)
                                     : (file.setFileName(path), file.open(QIODevice::ReadOnly));
    if (!opened)
        return Error{QCoreApplication::translate("Request", "%1: cannot read %2: %3").arg(option, path, file.errorString())};
    return file.readAll();
}

Result<HttpHeader> parseHeader(const QString &text)
{
    const qsizetype colon = text.indexOf(u':');
    if (colon <= 0 || text.left(colon).trimmed().isEmpty())
        return Error{QCoreApplication::translate("Request", "-H \"%1\": expected \"Name: value\"").arg(text)};
    HttpHeader header;
    header.name = text.left(colon).trimmed();
    header.value = text.mid(colon + 1).trimmed();
    return header;
}

QString formatSize(qint64 bytes)
{
    if (bytes < 1000)
        return QStringLiteral("%1 B").arg(bytes);
    if (bytes < 1000 * 1000)
        return QStringLiteral("%1 kB").arg(double(bytes) / 1e3, 0, 'f', 1);
    if (bytes < 1000 * 1000 * 1000)
        return QStringLiteral("%1 MB").arg(double(bytes) / 1e6, 0, 'f', 1);
    return QStringLiteral("%1 GB").arg(double(bytes) / 1e9, 0, 'f', 1);
}

// HTTP/1.1 200 OK · 12.3 ms (first byte 10.1 ms) · 1.2 kB
QString statusLine(const HttpResponse &response)
{
    QString status = QStringLiteral("HTTP/%1 %2").arg(response.httpVersion).arg(response.status);
    if (!response.reason.isEmpty())
        status += u' ' + response.reason;
    return QCoreApplication::translate("Request", "%1 \u00b7 %2 ms (first byte %3 ms) \u00b7 %4")
        .arg(status, QString::number(response.totalMs, 'f', 1), QString::number(response.firstByteMs, 'f', 1),
             formatSize(response.body.size()));
}

} // namespace

Result<RequestOptions> parseRequestCommand(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate(
        "Request",
        "Sends one HTTP request, as curl would: the body to stdout (or -o FILE), the status line\n"
        "and timings to stderr. Set a Host header to reach a host rule of an ingress through an\n"
        "exposed port."));
    const QCommandLineOption method({QStringLiteral("X"), QStringLiteral("request")},
                                    QCoreApplication::translate("Request", "Method (default GET, POST with -d)."),
                                    QCoreApplication::translate("Request", "METHOD"));
    const QCommandLineOption header({QStringLiteral("H"), QStringLiteral("header")},
                                    QCoreApplication::translate("Request", "A header, \"Name: value\" (repeatable), "
                                                                           "e.g. \"Host: api.local\"."),
                                    QCoreApplication::translate("Request", "HEADER"));
    const QCommandLineOption data({QStringLiteral("d"), QStringLiteral("data")},
                                  QCoreApplication::translate("Request",
                                                              "Body to send; @FILE reads a file, @- stdin (sent byte "
                                                              "for byte). Content-Type defaults to application/json "
                                                              "when the body is JSON, else "
                                                              "application/x-www-form-urlencoded."),
                                  QCoreApplication::translate("Request", "BODY"));
    const QCommandLineOption dataFile(QStringLiteral("data-file"),
                                      QCoreApplication::translate("Request", "Send the contents of FILE as the body."),
                                      QCoreApplication::translate("Request", "FILE"));
    const QCommandLineOption output({QStringLiteral("o"), QStringLiteral("output")},
                                    QCoreApplication::translate("Request", "Write the body to FILE (atomically: no "
                                                                           "partial file on failure)."),
                                    QCoreApplication::translate("Request", "FILE"));
    const QCommandLineOption timeout(QStringLiteral("timeout"),
                                     QCoreApplication::translate("Request", "Give up after MS milliseconds, connect "
                                                                            "to last byte (default %1).")
                                         .arg(HttpRequest::DefaultTimeoutMs),
                                     QStringLiteral("MS"));
    const QCommandLineOption insecure({QStringLiteral("k"), QStringLiteral("insecure")},
                                      QCoreApplication::translate("Request", "Do not verify the server's TLS "
                                                                             "certificate."));
    const QCommandLineOption location({QStringLiteral("L"), QStringLiteral("location")},
                                      QCoreApplication::translate("Request", "Follow redirects (at most 20)."));
    const QCommandLineOption fail({QStringLiteral("f"), QStringLiteral("fail")},
                                  QCoreApplication::translate("Request", "Exit with 1 and write no body when the "
                                                                         "status is 400 or more."));
    const QCommandLineOption exportFile(QStringLiteral("export"),
                                       QCoreApplication::translate("Request", "Write the exchange (request, "
                                                                              "response or error, timings) as JSON "
                                                                              "to FILE."),
                                       QCoreApplication::translate("Request", "FILE"));
    const QCommandLineOption keepSecrets(QStringLiteral("keep-secrets"),
                                         QCoreApplication::translate("Request", "Keep Authorization and Cookie "
                                                                                "values in the --export file."));
    const QCommandLineOption help({QStringLiteral("h"), QStringLiteral("help")},
                                  QCoreApplication::translate("Request", "Show this help."));
    parser.addOptions({method, header, data, dataFile, output, timeout, insecure, location, fail, exportFile,
                       keepSecrets, help});
    parser.addPositionalArgument(QStringLiteral("URL"), QCoreApplication::translate("Request", "http:// or https:// URL."));

    // The parser takes the first argument as the program's name: "request" here.
    if (!parser.parse(arguments.mid(1)))
        return Error{QCoreApplication::translate("Request", "%1 (see pasarela request --help)").arg(parser.errorText())};

    RequestOptions options;
    if (parser.isSet(help)) {
        QString text = parser.helpText();
        text = QCoreApplication::translate("Request", "Usage: pasarela request [options] URL")
               + text.mid(text.indexOf(u'\n'));
        options.showHelp = true;
        options.helpText = text + u'\n'
                           + QCoreApplication::translate(
                               "Request", "Exit codes:\n"
                                          "  0  a response arrived (any status)\n"
                                          "  1  --fail and a status of 400 or more\n"
                                          "  2  bad arguments, or a file that cannot be read or written\n"
                                          "  3  no response: connection refused, host not found, timeout, TLS, "
                                          "canceled\n");
        return options;
    }
    const QStringList positional = parser.positionalArguments();
    if (positional.size() != 1) {
        return Error{positional.isEmpty()
                         ? QCoreApplication::translate("Request", "a URL is needed (see pasarela request --help)")
                         : QCoreApplication::translate("Request", "one URL only, got \"%1\" and \"%2\"")
                               .arg(positional.at(0), positional.at(1))};
    }
    HttpRequest &request = options.request;
    request.url = positional.constFirst();
    request.followRedirects = parser.isSet(location);
    request.verifyTls = !parser.isSet(insecure);
    for (const QString &text : parser.values(header)) {
        const Result<HttpHeader> parsed = parseHeader(text);
        if (!parsed)
            return Error{parsed.error()};
        request.headers.append(parsed.value());
    }
    if (parser.isSet(data) && parser.isSet(dataFile))
        return Error{QCoreApplication::translate("Request", "-d and --data-file cannot be used together")};
    if (parser.isSet(data)) {
        const QString value = parser.value(data);
        if (value.startsWith(u'@')) {
            const Result<QByteArray> body = readBody(QStringLiteral("-d"), value.mid(1));
            if (!body)
                return Error{body.error()};
            request.body = body.value();
        } else {
            request.body = value.toUtf8();
        }
    } else if (parser.isSet(dataFile)) {
        const Result<QByteArray> body = readBody(QStringLiteral("--data-file"), parser.value(dataFile));
        if (!body)
            return Error{body.error()};
        request.body = body.value();
    }
    const bool hasData = parser.isSet(data) || parser.isSet(dataFile);
    request.method = parser.isSet(method) ? parser.value(method)
                                          : hasData ? QStringLiteral("POST") : QStringLiteral("GET");
    if (!request.body.isEmpty() && request.header(QStringLiteral("Content-Type")).isEmpty()) {
        // JSON as the window and the export judge it.
        request.contentType = JsonTree::parse(request.body) ? QStringLiteral("application/json")
                                                            : QStringLiteral("application/x-www-form-urlencoded");
    }
    if (parser.isSet(timeout)) {
        bool ok = false;
        request.timeoutMs = parser.value(timeout).toInt(&ok);
        if (!ok || request.timeoutMs < 1 || request.timeoutMs > MaxTimeoutMs) {
            return Error{QCoreApplication::translate("Request", "--timeout \"%1\": expected milliseconds (1-%2)")
                             .arg(parser.value(timeout), QString::number(MaxTimeoutMs))};
        }
    }
    const Result<void> valid = validateRequest(request);
    if (!valid)
        return Error{valid.error()};

    // "-o -" is stdout, as with curl.
    options.outputPath = parser.value(output) == u"-" ? QString() : parser.value(output);
    options.exportPath = parser.value(exportFile);
    options.failOnHttpError = parser.isSet(fail);
    options.keepSecrets = parser.isSet(keepSecrets);
    return options;
}

int runRequestCommand(const RequestOptions &options)
{
    if (options.showHelp) {
        Console::printOut(options.helpText);
        return RequestOptions::Ok;
    }
    // Checked before the request is sent: an unwritable path is reported without sending anything.
    for (const QString &path : {options.outputPath, options.exportPath}) {
        if (path.isEmpty())
            continue;
        if (const Result<void> writable = checkWritable(path); !writable) {
            Console::printError(writable.error());
            return RequestOptions::BadArguments;
        }
    }

    HttpClient client;
    HttpCall *call = client.send(options.request);
    QEventLoop loop;
    QObject::connect(call, &HttpCall::finished, &loop, &QEventLoop::quit);
    // Ctrl+C cancels the request: the command then ends as on any other failure.
    StopSignals stop;
    QObject::connect(&stop, &StopSignals::received, call, &HttpCall::cancel);
    if (!call->isFinished())
        loop.exec();
    const HttpExchange &exchange = call->exchange();

    int code = RequestOptions::Ok;
    if (!options.exportPath.isEmpty()) {
        const Result<void> written =
            writeFileAtomically(options.exportPath, exchangeDocument(exchange, options.keepSecrets));
        if (!written) {
            Console::printError(written.error());
            code = RequestOptions::BadArguments;
        }
    }
    if (!exchange.hasResponse()) {
        Console::printError(exchange.error);
        return exchange.failure == HttpFailure::InvalidRequest ? RequestOptions::BadArguments
                                                               : RequestOptions::TransportFailure;
    }
    const HttpResponse &response = exchange.response;
    Console::printErr(statusLine(response));
    if (options.failOnHttpError && response.status >= 400) {
        Console::printError(QCoreApplication::translate("Request", "the server answered %1 (--fail: the body is not written)")
                                .arg(response.status));
        return RequestOptions::HttpError;
    }
    if (!options.outputPath.isEmpty()) {
        const Result<void> written = writeFileAtomically(options.outputPath, response.body);
        if (!written) {
            Console::printError(written.error());
            return RequestOptions::BadArguments;
        }
    } else {
        Console::writeOut(response.body);
    }
    return code;
}
