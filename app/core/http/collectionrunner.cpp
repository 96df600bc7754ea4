#include "collectionrunner.h"

#include <algorithm>

#include <QCoreApplication>

#include "httpclient.h"
#include "throughrule.h"

bool RequestOutcome::passed() const
{
    return hasResponse() && assertionsFailed() == 0;
}

int RequestOutcome::assertionsPassed() const
{
    return int(std::count_if(assertions.cbegin(), assertions.cend(), [](const AssertionResult &r) { return r.passed; }));
}

int RequestOutcome::assertionsFailed() const
{
    return int(assertions.size()) - assertionsPassed();
}

QString RequestOutcome::problem() const
{
    if (!sent)
        return QCoreApplication::translate("Runner", "not sent: %1").arg(exchange.error);
    if (!exchange.hasResponse())
        return QCoreApplication::translate("Runner", "no response: %1").arg(exchange.error);
    return {};
}

Result<void> checkRunnable(const CollectionRequest &request, int index, const VariableSet &variables,
                           const RunOptions &options)
{
    const auto fail = [&](const QString &why) {
        return Error{request.name.isEmpty()
                         ? QCoreApplication::translate("Runner", "request %1: %2").arg(QString::number(index + 1), why)
                         : QCoreApplication::translate("Runner", "request %1 (\"%2\"): %3")
                               .arg(QString::number(index + 1), request.name, why)};
    };
    Result<HttpRequest> sendable = variables.apply(request);
    if (!sendable)
        return fail(sendable.error());
    const HttpRequest wire = options.through ? requestThroughRule(sendable.value(), *options.through) : sendable.value();
    if (const Result<void> valid = validateRequest(wire); !valid)
        return fail(variables.redact(valid.error()));
    return {};
}

CollectionRunner::CollectionRunner(QObject *parent) : QObject(parent), m_client(new HttpClient(this)) {}

void CollectionRunner::start(const RequestCollection &collection, const VariableSet &variables, const RunOptions &options)
{
    if (m_running)
        cancel();
    m_collection = collection;
    m_variables = variables;
    m_options = options;
    m_outcomes.clear();
    m_canceled = false;
    m_running = true;
    m_elapsedMs = 0;
    m_startedAt = QDateTime::currentDateTimeUtc();
    m_clock.start();
    ++m_generation;
    scheduleNext();
}

void CollectionRunner::scheduleNext()
{
    // A step queued by a run that was then replaced by start() does nothing.
    QMetaObject::invokeMethod(
        this, [this, generation = m_generation] {
            if (generation == m_generation)
                next();
        },
        Qt::QueuedConnection);
}

QStringList CollectionRunner::notRun() const
{
    QStringList names;
    for (qsizetype i = m_outcomes.size(); i < m_collection.requests.size(); ++i) {
        const CollectionRequest &request = m_collection.requests.at(i);
        const HttpRequest written = m_variables.applyPublic(request);
        names.append(m_variables.redact(request.name.isEmpty() ? written.method + u' ' + written.url : request.name));
    }
    return names;
}

void CollectionRunner::cancel()
{
    m_canceled = true;
    if (m_call)
        m_call->cancel();
}

void CollectionRunner::next()
{
    if (!m_running)
        return;
    const qsizetype index = m_outcomes.size();
    if (m_canceled || index >= m_collection.requests.size()) {
        m_running = false;
        m_elapsedMs = double(m_clock.nsecsElapsed()) / 1e6;
        emit finished();
        return;
    }
    const CollectionRequest &request = m_collection.requests.at(index);
    emit requestStarted(int(index));
    if (m_canceled) {  // by a slot of requestStarted
        next();
        return;
    }

    RequestOutcome outcome;
    outcome.index = int(index);
    const HttpRequest written = m_variables.applyPublic(request);
    outcome.name = request.name.isEmpty() ? written.method + u' ' + written.url : request.name;
    outcome.exchange.request = m_options.through ? requestThroughRule(written, *m_options.through) : written;
    outcome.exchange.startedAt = QDateTime::currentDateTimeUtc();

    Result<HttpRequest> sendable = m_variables.apply(request);
    if (!sendable) {
        outcome.exchange.failure = HttpFailure::InvalidRequest;
        outcome.exchange.error = sendable.error();
        record(outcome);
        return;
    }
    const HttpRequest wire = m_options.through ? requestThroughRule(sendable.value(), *m_options.through) : sendable.value();
    HttpCall *call = m_client->send(wire);
    m_call = call;
    connect(call, &HttpCall::finished, this, [this, call, outcome, assertions = request.assertions]() mutable {
        const HttpExchange &exchange = call->exchange();
        outcome.sent = exchange.failure != HttpFailure::InvalidRequest;
        outcome.exchange.startedAt = exchange.startedAt;
        outcome.exchange.response = exchange.response;
        outcome.exchange.failure = exchange.failure;
        outcome.exchange.error = exchange.error;
        if (exchange.hasResponse())
            outcome.assertions = evaluate(assertions, exchange.response);
        call->deleteLater();
        m_call.clear();
        record(outcome);
    });
}

void CollectionRunner::record(RequestOutcome outcome)
{
    // What the server or Qt said may quote a URL or header with a secret in it.
    outcome.name = m_variables.redact(outcome.name);
    outcome.exchange.error = m_variables.redact(outcome.exchange.error);
    for (AssertionResult &result : outcome.assertions) {
        result.description = m_variables.redact(result.description);
        result.message = m_variables.redact(result.message);
    }
    m_outcomes.append(outcome);
    emit requestFinished(m_outcomes.constLast());
    scheduleNext();
}
