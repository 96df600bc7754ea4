#pragma once

#include <QJsonDocument>
#include <QString>

#include "http/httpclient.h"

// Shared by the HTTP client tests.

// The longest a test waits for one exchange.
constexpr int WaitMs = 20000;

// A request to url with a Host header (none when host is empty).
HttpRequest makeRequest(const QString &url, const QString &host = QStringLiteral("api.local"));
// Sends and waits for the call; *once tells whether finished() came exactly once.
HttpExchange runExchange(HttpClient &client, const HttpRequest &request, bool *once = nullptr);
// response.header(name) as bytes.
QByteArray responseHeader(const HttpResponse &response, const QString &name);
// The document, or a null one when bytes are not JSON.
QJsonDocument parseJson(const QByteArray &bytes);
// A loopback port nobody listens on any more (just closed).
quint16 closedPort();

// QVERIFY2 evaluates its message even on success: the exchange is evaluated once here.
#define VERIFY_RESPONSE(ex)                                                                                            \
    do {                                                                                                               \
        const HttpExchange &checked_ = (ex);                                                                           \
        QVERIFY2(checked_.hasResponse(), qPrintable(checked_.error));                                                  \
    } while (false)
