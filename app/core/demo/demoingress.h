#pragma once

#include <QObject>

#include "http/httpmessage.h"
#include "result.h"
#include "rules/forwardrule.h"

class MiniHttpServer;

// The demo: a stand-in for a Minikube ingress, so a newcomer can try Pasarela
// without a cluster. A small HTTP/1.1 server on 127.0.0.1 (an ephemeral port, its
// own thread) that routes by Host and path to JSON answers like ingress-nginx:
//   Host api.local  GET  /api/v1/items       200 {"service":"api","pod":...,"items":[...],"count":N}
//                   GET  /api/v1/items/ID    200 the item, 404 JSON when there is none
//                   POST /api/v1/items       201 the JSON body with an id; 400 JSON if not JSON
//                   GET  /api/v1/health      200 {"status":"ok","pod":...}
//                   other /api/... paths     404 JSON from the api service
//   Host web.local  any GET path             200 {"service":"web","pod":...,"path":...}
//   anything else   404 text/plain "default backend - 404", as ingress-nginx's default backend
// Every JSON answer names the service and the pod that answered, as the real ones do.
class DemoIngress final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DemoIngress)

public:
    static constexpr quint16 RulePort = 31042;  // the port users expose in the field

    explicit DemoIngress(QObject *parent = nullptr);
    ~DemoIngress() override;

    // Listens on 127.0.0.1, an ephemeral port; the error says why not.
    Result<void> start();
    quint16 port() const;  // 0 before start()

    // "demo ingress": 127.0.0.1:31042 -> 127.0.0.1:port().
    ForwardRule rule() const;
    // GET http://127.0.0.1:31042/api/v1/items with Host: api.local.
    static HttpRequest sampleRequest();

private:
    MiniHttpServer *m_server;
};
