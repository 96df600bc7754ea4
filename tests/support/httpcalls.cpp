#include "httpcalls.h"

#include <QSignalSpy>
#include <QTcpServer>

HttpRequest makeRequest(const QString &url, const QString &host)
{
    HttpRequest request;
    request.url = url;
    if (!host.isEmpty())
        request.headers.append({QStringLiteral("Host"), host});
    return request;
}

HttpExchange runExchange(HttpClient &client, const HttpRequest &request, bool *once)
{
    HttpCall *call = client.send(request);
    QSignalSpy finished(call, &HttpCall::finished);
    if (!call->isFinished())
        finished.wait(WaitMs);
    if (once)
        *once = finished.count() == 1 && call->isFinished();
    call->deleteLater();
    return call->exchange();
}

QByteArray responseHeader(const HttpResponse &response, const QString &name)
{
    return response.header(name).toLatin1();
}

QJsonDocument parseJson(const QByteArray &bytes)
{
    QJsonParseError error{};
    QJsonDocument doc = QJsonDocument::fromJson(bytes, &error);
    return error.error == QJsonParseError::NoError ? doc : QJsonDocument();
}

quint16 closedPort()
{
    QTcpServer server;
    if (!server.listen(QHostAddress::LocalHost, 0))
        return 0;
    const quint16 port = server.serverPort();
    server.close();
    return port;
}
