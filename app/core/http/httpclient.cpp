#include "httpclient.h"

#include <algorithm>

#include <QCoreApplication>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QSslConfiguration>
#include <QSslError>
#include <QTimer>
#include <QUrl>

namespace {

constexpr qint64 MaxBodyBytes = qint64(1) << 30;
constexpr int MaxRedirects = 20;

double msSince(const QElapsedTimer &clock)
{
    return double(clock.nsecsElapsed()) / 1e6;
}

int defaultPort(const QUrl &url)
{
    return url.scheme() == u"https" ? 443 : 80;
}

// "127.0.0.1:8080", "[::1]:443": the address the user can check.
QString hostAndPort(const QUrl &url)
{
    const QString host = url.host().contains(u':') ? QString(u'[' + url.host() + u']') : url.host();
    const int port = url.port(defaultPort(url));
    return host + u':' + QString::number(port);
}

QString tlsMessage(const QList<QSslError> &errors)
{
    bool selfSigned = false;
    QStringList texts;
    for (const QSslError &e : errors) {
        selfSigned = selfSigned || e.error() == QSslError::SelfSignedCertificate
                     || e.error() == QSslError::SelfSignedCertificateInChain;
        texts.append(e.errorString());
    }
    return (selfSigned ? QCoreApplication::translate("Http", "TLS: certificate is self-signed: %1 (turn off "
                                                             "certificate verification to accept it)")
                       : QCoreApplication::translate("Http", "TLS: %1 (turn off certificate verification to "
                                                             "accept it)"))
        .arg(texts.join(QStringLiteral("; ")));
}

// Qt's transport errors (1-199; content and protocol errors come with a status).
bool isTransportError(QNetworkReply::NetworkError error)
{
    return error > QNetworkReply::NoError && error < QNetworkReply::ContentAccessDenied;
}

bool isRedirect(int status)
{
    return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
}

// The request a redirect asks for, as browsers and Qt make it: 307 and 308 repeat
// the method and body, the others become GET (HEAD stays HEAD). As with curl,
// Host and credentials go only to the origin the user named; https never
// becomes http (Qt's NoLessSafeRedirectPolicy).
Result<HttpRequest> redirected(const HttpRequest &hop, int status, const QString &location)
{
    const QUrl from(hop.url);
    const QUrl to = from.resolved(QUrl(location));
    if (!to.isValid() || (to.scheme() != u"http" && to.scheme() != u"https") || to.host().isEmpty())
        return Error{QCoreApplication::translate("Http", "redirect to \"%1\" not followed: not an http(s) URL")
                         .arg(location)};
    if (from.scheme() == u"https" && to.scheme() == u"http") {
        return Error{QCoreApplication::translate("Http", "redirect from https to %1 not followed: it would leave "
                                                         "TLS; send the request there yourself if you trust it")
                         .arg(to.toString())};
    }
    HttpRequest next = hop;
    next.url = to.toString();
    const auto drop = [&next](std::initializer_list<QStringView> names) {
        next.headers.removeIf([names](const HttpHeader &h) {
            return std::any_of(names.begin(), names.end(),
                               [&h](QStringView name) { return h.name.compare(name, Qt::CaseInsensitive) == 0; });
        });
    };
    if (status != 307 && status != 308 && hop.method != u"HEAD") {
        next.method = QStringLiteral("GET");
        next.body.clear();
        next.contentType.clear();
        drop({u"Content-Type"});
    }
    const bool sameOrigin = from.scheme() == to.scheme() && from.host() == to.host()
                            && from.port(defaultPort(from)) == to.port(defaultPort(to));
    if (!sameOrigin)
        drop({u"Host", u"Authorization", u"Proxy-Authorization", u"Cookie"});
    return next;
}

QPair<HttpFailure, QString> transportFailure(const QNetworkReply *reply, const HttpRequest &request)
{
    const QUrl url(request.url);
    switch (reply->error()) {
    case QNetworkReply::ConnectionRefusedError:
        return {HttpFailure::Refused, QCoreApplication::translate("Http", "connection refused by %1").arg(hostAndPort(url))};
    case QNetworkReply::HostNotFoundError:
        return {HttpFailure::HostNotFound, QCoreApplication::translate("Http", "host %1 not found").arg(url.host())};
    case QNetworkReply::TimeoutError:
        return {HttpFailure::Timeout, QCoreApplication::translate("Http", "timed out: %1").arg(reply->errorString())};
    case QNetworkReply::SslHandshakeFailedError:
        return {HttpFailure::Tls, QStringLiteral("TLS: ") + reply->errorString()};  // Qt's text, in Qt's catalogue
    case QNetworkReply::RemoteHostClosedError:
        return {HttpFailure::Closed, QCoreApplication::translate("Http", "%1 closed the connection before a complete "
                                                                         "response")
                                         .arg(hostAndPort(url))};
    case QNetworkReply::OperationCanceledError:
        return {HttpFailure::Canceled, QCoreApplication::translate("Http", "canceled")};
    default:
        return {HttpFailure::Other, reply->errorString()};
    }
}

// Repeated names travel as one line, since QNetworkRequest keeps one value per name.
void setHeaders(QNetworkRequest &target, const HttpHeaders &headers)
{
    QList<QByteArray> names;
    QList<QByteArray> values;
    for (const HttpHeader &h : headers) {
        const QByteArray name = h.name.toLatin1();
        const auto same = [&name](const QByteArray &n) { return n.compare(name, Qt::CaseInsensitive) == 0; };
        const qsizetype i = std::find_if(names.cbegin(), names.cend(), same) - names.cbegin();
        if (i == names.size()) {
            names.append(name);
            values.append(h.value.toUtf8());
        } else {
            const QByteArray separator = h.name.compare(u"Cookie", Qt::CaseInsensitive) == 0 ? "; " : ", ";
            values[i] += separator + h.value.toUtf8();
        }
    }
    for (qsizetype i = 0; i < names.size(); ++i)
        target.setRawHeader(names.at(i), values.at(i));
}

QNetworkRequest networkRequest(const HttpRequest &request)
{
    const QUrl url(request.url);
    QNetworkRequest out(url);
    const HttpHeaders headers = request.effectiveHeaders();
    setHeaders(out, headers);
    const auto has = [&headers](QStringView name) {
        return std::any_of(headers.cbegin(), headers.cend(), [name](const HttpHeader &h) {
            return h.name.compare(name, Qt::CaseInsensitive) == 0;
        });
    };
    if (!has(u"User-Agent"))
        out.setRawHeader("User-Agent", "pasarela/" PASARELA_VERSION);
    if (has(u"Host")) {
        // The ingress routes on Host; Qt's HTTP/2 sends :authority from the URL and
        // drops a Host header, so such requests stay on HTTP/1.1.
        out.setAttribute(QNetworkRequest::Http2AllowedAttribute, false);
        if (url.scheme() == u"https") {
            QUrl authority;
            authority.setAuthority(request.header(QStringLiteral("Host")));
            out.setPeerVerifyName(authority.host());
        }
    }
    // Redirects are followed by HttpCall: Qt 6.4 sometimes sends the redirected
    // request twice on a kept-alive connection when it follows them itself.
    out.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    // Like curl: no cookie jar shared between requests.
    out.setAttribute(QNetworkRequest::CookieLoadControlAttribute, QNetworkRequest::Manual);
    out.setAttribute(QNetworkRequest::CookieSaveControlAttribute, QNetworkRequest::Manual);
    if (!request.verifyTls) {
        QSslConfiguration ssl = QSslConfiguration::defaultConfiguration();
        ssl.setPeerVerifyMode(QSslSocket::VerifyNone);
        out.setSslConfiguration(ssl);
    }
    return out;
}

HttpHeaders headersOf(const QNetworkReply *reply)
{
    HttpHeaders headers;
    for (const auto &pair : reply->rawHeaderPairs())
        headers.append({QString::fromLatin1(pair.first), QString::fromLatin1(pair.second)});
    return headers;
}

} // namespace

HttpCall::HttpCall(const HttpRequest &request, QObject *parent) : QObject(parent)
{
    m_exchange.request = request;
    m_exchange.startedAt = QDateTime::currentDateTimeUtc();
}

void HttpCall::cancel()
{
    finish(HttpFailure::Canceled, QCoreApplication::translate("Http", "canceled"));
}

void HttpCall::start(QNetworkAccessManager *manager)
{
    m_clock.start();
    m_timeout = new QTimer(this);
    m_timeout->setSingleShot(true);
    // A coarse timer may fire 5% early: "timed out after 300 ms" must not mean 285.
    m_timeout->setTimerType(Qt::PreciseTimer);
    connect(m_timeout, &QTimer::timeout, this, [this] {
        finish(HttpFailure::Timeout,
               QCoreApplication::translate("Http", "timed out after %1 ms").arg(m_exchange.request.timeoutMs));
    });
    m_timeout->start(m_exchange.request.timeoutMs);
    send(manager, m_exchange.request);
}

void HttpCall::send(QNetworkAccessManager *manager, const HttpRequest &hop)
{
    const QNetworkRequest network = networkRequest(hop);
    const QByteArray method = hop.method.toLatin1();
    // HEAD through sendCustomRequest would wait for a body that never comes.
    if (method == "HEAD")
        m_reply = manager->head(network);
    else if (method == "GET" && hop.body.isEmpty())
        m_reply = manager->get(network);
    else
        m_reply = manager->sendCustomRequest(network, method, hop.body);
    // Deleting the call before it finished aborts the request.
    connect(this, &QObject::destroyed, m_reply, &QObject::deleteLater);

    QNetworkReply *reply = m_reply;
    HttpResponse &response = m_exchange.response;
    const auto firstByte = [this, &response] {
        if (response.firstByteMs <= 0)
            response.firstByteMs = msSince(m_clock);
    };
    connect(reply, &QNetworkReply::metaDataChanged, this, [this, reply, firstByte] {
        firstByte();
        if (reply->header(QNetworkRequest::ContentLengthHeader).toLongLong() > MaxBodyBytes)
            finish(HttpFailure::Other, QCoreApplication::translate("Http", "response larger than 1 GiB"));
    });
    connect(reply, &QNetworkReply::readyRead, this, [this, reply, &response, firstByte] {
        firstByte();
        response.body += reply->readAll();
        if (response.body.size() > MaxBodyBytes)
            finish(HttpFailure::Other, QCoreApplication::translate("Http", "response larger than 1 GiB"));
    });
    connect(reply, &QNetworkReply::downloadProgress, this, &HttpCall::progress);
    const bool verify = hop.verifyTls;
    connect(reply, &QNetworkReply::sslErrors, this, [this, reply, verify](const QList<QSslError> &errors) {
        if (verify)
            finish(HttpFailure::Tls, tlsMessage(errors));
        else
            reply->ignoreSslErrors();
    });
    connect(reply, &QNetworkReply::finished, this, [this, reply, hop, &response, firstByte] {
        const QVariant status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute);
        if (isTransportError(reply->error()) || reply->error() == QNetworkReply::ProtocolFailure
            || !status.isValid()) {
            const auto [failure, message] = transportFailure(reply, hop);
            finish(failure, message);
            return;
        }
        const QString location = QString::fromUtf8(reply->rawHeader("Location"));
        if (hop.followRedirects && isRedirect(status.toInt()) && !location.isEmpty()) {
            if (++m_redirects > MaxRedirects) {
                finish(HttpFailure::Other,
                       QCoreApplication::translate("Http", "more than %1 redirects, the last to %2: a redirect loop?")
                           .arg(QString::number(MaxRedirects), location));
                return;
            }
            const Result<HttpRequest> next = redirected(hop, status.toInt(), location);
            if (!next) {
                finish(HttpFailure::Other, next.error());
                return;
            }
            disconnect(reply, nullptr, this, nullptr);
            reply->deleteLater();
            response = HttpResponse{};
            send(reply->manager(), next.value());
            return;
        }
        firstByte();
        response.body += reply->readAll();
        response.totalMs = msSince(m_clock);
        response.status = status.toInt();
        response.reason = reply->attribute(QNetworkRequest::HttpReasonPhraseAttribute).toString();
        response.httpVersion = reply->attribute(QNetworkRequest::Http2WasUsedAttribute).toBool()
                                   ? QStringLiteral("2")
                                   : QStringLiteral("1.1");
        response.headers = headersOf(reply);
        response.finalUrl = reply->url().toString();
        finish(HttpFailure::None, {});
    });
}

void HttpCall::finish(HttpFailure failure, const QString &error)
{
    if (m_finished)
        return;
    m_finished = true;
    if (m_timeout)
        m_timeout->stop();
    if (m_reply) {
        disconnect(m_reply, nullptr, this, nullptr);
        if (m_reply->isRunning())
            m_reply->abort();
        m_reply->deleteLater();
    }
    m_exchange.failure = failure;
    m_exchange.error = error;
    if (failure != HttpFailure::None)
        m_exchange.response = HttpResponse{};
    emit finished();
}

HttpClient::HttpClient(QObject *parent) : QObject(parent), m_manager(new QNetworkAccessManager(this)) {}

HttpCall *HttpClient::send(const HttpRequest &request)
{
    auto *call = new HttpCall(request, this);
    const Result<void> valid = validateRequest(request);
    if (!valid) {
        QMetaObject::invokeMethod(
            call, [call, message = valid.error()] { call->finish(HttpFailure::InvalidRequest, message); },
            Qt::QueuedConnection);
        return call;
    }
    QNetworkAccessManager *manager = m_manager;
    if (!request.verifyTls) {
        if (!m_insecureManager)
            m_insecureManager = new QNetworkAccessManager(this);
        manager = m_insecureManager;
    }
    call->start(manager);
    return call;
}
