#pragma once

#include <QElapsedTimer>
#include <QObject>
#include <QPointer>

#include "httpmessage.h"

class QNetworkAccessManager;
class QNetworkReply;
class QTimer;

// One request in flight. finished() is emitted exactly once, also on failure,
// timeout and cancel; the call then holds the whole exchange. Owned by the
// HttpClient that made it; delete it (deleteLater) when done with it.
class HttpCall final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HttpCall)

public:
    const HttpExchange &exchange() const { return m_exchange; }
    bool isFinished() const { return m_finished; }
    // Aborts the request; finished() follows with HttpFailure::Canceled.
    void cancel();

signals:
    // Body bytes received so far, and the expected total (-1: unknown).
    void progress(qint64 received, qint64 total);
    void finished();

private:
    friend class HttpClient;
    HttpCall(const HttpRequest &request, QObject *parent);
    void start(QNetworkAccessManager *manager);
    // One hop: the request, or a redirect's next request.
    void send(QNetworkAccessManager *manager, const HttpRequest &hop);
    void finish(HttpFailure failure, const QString &error);

    HttpExchange m_exchange;
    QPointer<QNetworkReply> m_reply;
    QTimer *m_timeout = nullptr;
    QElapsedTimer m_clock;
    int m_redirects = 0;  // followed here: Qt 6.4's own following may send a request twice
    bool m_finished = false;
};

// Sends HTTP/1.1 (and HTTP/2 over TLS when the server offers it) requests with
// Qt Network. Works in the window and on the command line alike; never blocks.
class HttpClient final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HttpClient)

public:
    explicit HttpClient(QObject *parent = nullptr);

    // Starts the request. An invalid request still returns a call, which finishes
    // (queued, not inside send) with HttpFailure::InvalidRequest.
    HttpCall *send(const HttpRequest &request);

private:
    QNetworkAccessManager *m_manager;
    // Requests without certificate verification get their own connections, so a
    // verified request never reuses a connection that was not verified.
    QNetworkAccessManager *m_insecureManager = nullptr;
};
