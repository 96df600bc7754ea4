#include "throughrule.h"

#include <QHostAddress>
#include <QUrl>

QString urlThroughRule(const QString &url, const ForwardRule &rule)
{
    QHostAddress host(rule.listen.host);
    if (host == QHostAddress::AnyIPv4)
        host = QHostAddress::LocalHost;
    else if (host == QHostAddress::AnyIPv6)
        host = QHostAddress::LocalHostIPv6;
    const QUrl current(url.trimmed());
    QUrl result;
    result.setScheme(QStringLiteral("http"));
    result.setHost(host.isNull() ? rule.listen.host : host.toString());
    result.setPort(rule.listen.port);
    // A URL typed without a scheme ("/api/v1/items") still has a path worth keeping.
    const QString path = current.path();
    result.setPath(path.startsWith(u'/') ? path : u'/' + path);
    if (current.hasQuery())
        result.setQuery(current.query(QUrl::FullyEncoded), QUrl::StrictMode);
    if (current.hasFragment())
        result.setFragment(current.fragment(QUrl::FullyEncoded), QUrl::StrictMode);
    return result.toString();
}

HttpRequest requestThroughRule(const HttpRequest &request, const ForwardRule &rule)
{
    HttpRequest through = request;
    through.url = urlThroughRule(request.url, rule);
    const QUrl original(request.url.trimmed());
    if (request.header(QStringLiteral("Host")).isEmpty() && !original.host().isEmpty()) {
        // QUrl's authority without user info: "api.local", "api.local:8080", "[::1]:8080".
        const QString host = original.authority(QUrl::RemoveUserInfo | QUrl::FullyEncoded);
        through.headers.prepend(HttpHeader{QStringLiteral("Host"), host});
    }
    return through;
}
