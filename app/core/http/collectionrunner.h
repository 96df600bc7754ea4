#pragma once

#include <optional>

#include <QDateTime>
#include <QElapsedTimer>
#include <QList>
#include <QObject>
#include <QPointer>

#include "assertions.h"
#include "httpmessage.h"
#include "requestcollections.h"
#include "rules/forwardrule.h"
#include "variables.h"

class HttpCall;
class HttpClient;

// What came of one request of a run.
struct RequestOutcome
{
    int index = 0;                    // in the collection
    QString name;                     // CollectionRequest::displayName(), secrets redacted
    // The request as written with its non-secret variables filled in (through the rule
    // when there is one), the response, the failure: safe to show, keep and export.
    HttpExchange exchange;
    bool sent = false;                // false: a variable had no value, or the request was invalid
    QList<AssertionResult> assertions;  // empty when no response arrived

    bool hasResponse() const { return sent && exchange.hasResponse(); }
    // A response, and every assertion passed.
    bool passed() const;
    int assertionsPassed() const;
    int assertionsFailed() const;
    // Why it failed, when it got no response: "not sent: unknown variable {{token}}: ...",
    // "no response: connection refused by 127.0.0.1:1".
    QString problem() const;
};

struct RunOptions
{
    // Send each request to this rule's listen address, keeping its Host (requestThroughRule).
    std::optional<ForwardRule> through;
};

// Checks a request of a run before anything is sent: its variables have values and the
// result is a request that can be sent. The error names the request.
Result<void> checkRunnable(const CollectionRequest &request, int index, const VariableSet &variables,
                           const RunOptions &options);

// Runs a collection's requests one after another, each after the previous one's
// response, and checks each response against the request's assertions. Works in the
// window and on the command line alike; never blocks.
class CollectionRunner final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CollectionRunner)

public:
    explicit CollectionRunner(QObject *parent = nullptr);

    // Starts at the first request; a run in progress is canceled first. finished()
    // follows, queued, also for an empty collection.
    void start(const RequestCollection &collection, const VariableSet &variables, const RunOptions &options = {});
    // Cancels the request in flight (its outcome says canceled) and runs no more.
    void cancel();
    bool isRunning() const { return m_running; }

    const QList<RequestOutcome> &outcomes() const { return m_outcomes; }
    QDateTime startedAt() const { return m_startedAt; }
    double elapsedMs() const { return m_elapsedMs; }
    // The names of the requests the run did not reach (canceled).
    QStringList notRun() const;

signals:
    void requestStarted(int index);
    void requestFinished(const RequestOutcome &outcome);
    void finished();

private:
    void scheduleNext();
    void next();
    void record(RequestOutcome outcome);

    HttpClient *m_client;
    RequestCollection m_collection;
    VariableSet m_variables;
    RunOptions m_options;
    QList<RequestOutcome> m_outcomes;
    QPointer<HttpCall> m_call;
    QDateTime m_startedAt;
    QElapsedTimer m_clock;
    double m_elapsedMs = 0;
    int m_generation = 0;
    bool m_running = false;
    bool m_canceled = false;
};
