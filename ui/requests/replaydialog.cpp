#include "replaydialog.h"

#include <memory>

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFutureWatcher>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QSplitter>
#include <QTabWidget>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

#include "difftree.h"
#include "format.h"
#include "http/httpclient.h"
#include "http/requesteditor.h"
#include "inspect/requestexport.h"
#include "mainwindow.h"

namespace {

const char *const Methods[] = {"GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"};

const QString IgnoredKey = QStringLiteral("replay/ignoredFields");
const QString HideUnchangedKey = QStringLiteral("replay/hideUnchanged");
const QString IgnoreVolatileKey = QStringLiteral("replay/ignoreVolatileHeaders");

QStringList fieldList(const QString &text)
{
    QStringList fields;
    for (const QString &field : text.split(u',', Qt::SkipEmptyParts)) {
        if (!field.trimmed().isEmpty())
            fields.append(field.trimmed());
    }
    return fields;
}

QString statusText(int status, const QString &reason)
{
    return status ? QString(QString::number(status) + u' ' + reason).trimmed() : ReplayDialog::tr("no answer");
}

} // namespace

ReplayDialog::ReplayDialog(const RequestRecord &record, const QString &ruleName, QWidget *parent)
    : QDialog(parent), m_record(record), m_captured(RequestExport::replayRequest(record)), m_client(new HttpClient(this))
{
    // The captured answer is what came back to the first request: no redirect followed.
    m_captured.followRedirects = false;
    setWindowTitle(tr("Replay %1 %2").arg(record.request.method, record.request.target));
    setSizeGripEnabled(true);

    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(createRequestPart(record, ruleName));
    splitter->addWidget(createComparisonPart());
    splitter->setChildrenCollapsible(false);
    splitter->setStretchFactor(0, 2);
    splitter->setStretchFactor(1, 3);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(splitter, 1);
    layout->addWidget(buttons);
    resize(960, 760);
    updateButtons();
}

ReplayDialog::~ReplayDialog()
{
    // The client and its call die after this object's members: nothing may call back.
    if (m_call)
        m_call->disconnect(this);
}

QWidget *ReplayDialog::createRequestPart(const RequestRecord &record, const QString &ruleName)
{
    auto *part = new QWidget(this);
    const InspectedRequest &r = record.request;
    auto *origin = new QLabel(part);
    origin->setWordWrap(true);
    origin->setTextInteractionFlags(Qt::TextSelectableByMouse);
    origin->setText(tr("Captured at %1 from %2 on rule \"%3\": %4, %5 of body. It goes again to the rule's listen "
                       "address with the same Host header.")
                        .arg(Format::localTime(record.startedAt), Format::hostPort(record.clientAddress, record.clientPort),
                             ruleName, statusText(r.status, r.reason), Format::bytes(quint64(r.responseBodySize))));
    if (RequestExport::replayLacksBody(record)) {
        origin->setText(origin->text() + u' '
                        + tr("Its body (%1) was not captured whole: add it on the Body tab before replaying it edited.")
                              .arg(Format::bytes(quint64(r.requestBodySize))));
    }

    m_method = new QComboBox(part);
    m_method->setEditable(true);
    for (const char *method : Methods)
        m_method->addItem(QLatin1String(method));
    m_method->setCurrentText(m_captured.method);
    m_method->setAccessibleName(tr("Method"));
    m_url = new QLineEdit(m_captured.url, part);
    m_url->setAccessibleName(tr("URL"));
    m_url->setToolTip(tr("Where the replay goes: the rule's listen address and port, as the client reached it"));
    m_editor = new RequestEditor(part);
    m_editor->setRequest(m_captured);
    m_editor->keepSecretsBox()->hide();  // nothing here is written to disk

    m_replayCaptured = new QPushButton(tr("Replay as captured"), part);
    m_replayCaptured->setToolTip(tr("Send the request as it was captured, whatever was edited above"));
    connect(m_replayCaptured, &QPushButton::clicked, this, &ReplayDialog::replayAsCaptured);
    m_replayEdited = new QPushButton(tr("Replay edited"), part);
    m_replayEdited->setToolTip(tr("Send the request as edited above: method, URL, headers (Host too), body "
                                  "(Ctrl+Return)"));
    m_replayEdited->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Return));
    connect(m_replayEdited, &QPushButton::clicked, this, &ReplayDialog::replayEdited);
    m_summary = new QLabel(part);
    m_summary->setWordWrap(true);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_summary->setAccessibleName(tr("Replay outcome"));
    m_summary->setText(tr("Replay the request to compare its answer with the captured one."));

    auto *top = new QHBoxLayout;
    top->addWidget(m_method);
    top->addWidget(m_url, 1);
    auto *actions = new QHBoxLayout;
    actions->addWidget(m_replayCaptured);
    actions->addWidget(m_replayEdited);
    actions->addWidget(m_summary, 1);
    auto *layout = new QVBoxLayout(part);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(origin);
    layout->addLayout(top);
    layout->addWidget(m_editor, 1);
    layout->addLayout(actions);
    return part;
}

QWidget *ReplayDialog::createComparisonPart()
{
    auto *part = new QWidget(this);
    const std::unique_ptr<QSettings> settings(pasarelaSettings(nullptr));

    m_ignored = new QLineEdit(part);
    m_ignored->setObjectName(QStringLiteral("ignoredFields"));
    m_ignored->setPlaceholderText(tr("timestamp, $.meta.requestId, $.items[*].updatedAt"));
    m_ignored->setToolTip(tr("JSON fields left out of the comparison, separated by commas: a key name matches "
                             "that key anywhere, a path from $ only there ([*] for any array index)"));
    m_ignored->setAccessibleName(tr("Ignored fields"));
    m_ignored->setClearButtonEnabled(true);
    m_ignored->setText(settings->value(IgnoredKey).toStringList().join(QStringLiteral(", ")));
    connect(m_ignored, &QLineEdit::editingFinished, this, [this] {
        saveOptions();
        compare();
    });
    auto *ignoredLabel = new QLabel(tr("&Ignore fields:"), part);
    ignoredLabel->setBuddy(m_ignored);

    m_hideUnchanged = new QCheckBox(tr("&Hide unchanged"), part);
    m_hideUnchanged->setToolTip(tr("List only what differs between the captured answer and the replay"));
    m_hideUnchanged->setChecked(settings->value(HideUnchangedKey, false).toBool());
    connect(m_hideUnchanged, &QCheckBox::toggled, this, [this] {
        saveOptions();
        showDiff();
    });
    m_ignoreVolatile = new QCheckBox(tr("Ignore &volatile headers"), part);
    m_ignoreVolatile->setToolTip(tr("Leave out the headers that differ on every answer or with the framing: %1")
                                     .arg(volatileHeaders().join(QStringLiteral(", "))));
    m_ignoreVolatile->setChecked(settings->value(IgnoreVolatileKey, true).toBool());
    connect(m_ignoreVolatile, &QCheckBox::toggled, this, [this] {
        saveOptions();
        compare();
    });

    m_tabs = new QTabWidget(part);
    m_tabs->setDocumentMode(true);
    m_headersView = new DiffTree(tr("Header"), tr("Status and headers compared"), m_tabs);
    auto *bodyPage = new QWidget(m_tabs);
    m_bodyView = new DiffTree(tr("Path or line"), tr("Bodies compared"), bodyPage);
    m_bodyNote = new QLabel(bodyPage);
    m_bodyNote->setWordWrap(true);
    m_bodyNote->setAccessibleName(tr("About the body comparison"));
    m_bodyNote->hide();
    auto *bodyLayout = new QVBoxLayout(bodyPage);
    bodyLayout->setContentsMargins(0, 0, 0, 0);
    bodyLayout->addWidget(m_bodyView, 1);
    bodyLayout->addWidget(m_bodyNote);
    m_tabs->addTab(bodyPage, tr("Body"));
    m_tabs->addTab(m_headersView, tr("Status and headers"));

    auto *options = new QHBoxLayout;
    options->addWidget(ignoredLabel);
    options->addWidget(m_ignored, 1);
    options->addWidget(m_hideUnchanged);
    options->addWidget(m_ignoreVolatile);
    auto *layout = new QVBoxLayout(part);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(options);
    layout->addWidget(m_tabs, 1);
    return part;
}

HttpRequest ReplayDialog::editedRequest() const
{
    HttpRequest request;
    request.method = m_method->currentText().trimmed().toUpper();
    request.url = m_url->text().trimmed();
    m_editor->applyTo(request);
    return request;
}

bool ReplayDialog::isBusy() const
{
    return !m_call.isNull();
}

void ReplayDialog::replayAsCaptured()
{
    HttpRequest request = m_captured;
    // Options are how to send, not what: the Options tab's apply to both.
    const HttpRequest edited = editedRequest();
    request.timeoutMs = edited.timeoutMs;
    request.verifyTls = edited.verifyTls;
    send(request);
}

void ReplayDialog::replayEdited()
{
    send(editedRequest());
}

void ReplayDialog::send(const HttpRequest &request)
{
    if (isBusy())
        return;
    if (const Result<void> valid = validateRequest(request); !valid) {
        showFailure(tr("Not sent: %1.").arg(valid.error()));
        return;
    }
    m_call = m_client->send(request);
    connect(m_call, &HttpCall::finished, this, &ReplayDialog::finishCall);
    m_summary->setStyleSheet({});
    m_summary->setText(tr("Replaying…"));
    updateButtons();
}

void ReplayDialog::finishCall()
{
    HttpCall *call = m_call;
    if (!call)
        return;
    m_call = nullptr;
    call->deleteLater();
    updateButtons();
    const HttpExchange &exchange = call->exchange();
    if (!exchange.hasResponse()) {
        QString message = tr("The replay failed: %1.").arg(exchange.error);
        if (exchange.failure == HttpFailure::Refused)
            message += u' ' + tr("Is the rule still started and listening there?");
        else if (exchange.failure == HttpFailure::Timeout)
            message += u' ' + tr("The target may be stopped or slow: check it, or raise the timeout on the Options tab.");
        showFailure(message);
        return;
    }
    m_exchange = exchange;
    m_hasAnswer = true;
    compare();
}

// Off the GUI thread, as a body of a few hundred KiB takes a moment; the newest wins.
void ReplayDialog::compare()
{
    if (!m_hasAnswer)
        return;
    const ComparedAnswer captured = RequestExport::capturedAnswer(m_record);
    // Qt's client undoes gzip and deflate itself unless the request asked for a coding.
    const ComparedAnswer replay{m_exchange.response, false,
                                m_exchange.request.header(QStringLiteral("Accept-Encoding")).isEmpty()};
    DiffOptions options;
    options.ignoredFields = fieldList(m_ignored->text());
    options.ignoreVolatileHeaders = m_ignoreVolatile->isChecked();
    const bool wasCaptured = m_record.request.captured;
    const int generation = ++m_generation;
    auto *watcher = new QFutureWatcher<ResponseDiff>(this);
    connect(watcher, &QFutureWatcher<ResponseDiff>::finished, this, [this, watcher, generation] {
        watcher->deleteLater();
        if (generation != m_generation)
            return;
        m_diff = watcher->result();
        showDiff();
        emit compared();
    });
    watcher->setFuture(QtConcurrent::run([captured, replay, options, wasCaptured] {
        ResponseDiff diff = compareResponses(captured, replay, options);
        if (!wasCaptured) {
            diff.headers.clear();
            diff.body.clear();
            diff.bodyNote = tr("The captured answer's headers and body were not kept (too many at once, or seen "
                               "before this window opened): only the status is compared.");
        }
        return diff;
    }));
}

void ReplayDialog::showDiff()
{
    for (DiffTree *tree : {m_headersView, m_bodyView})
        tree->clear();
    if (!m_hasAnswer)
        return;
    const bool hide = m_hideUnchanged->isChecked();
    const int headerChanges = m_headersView->addLines({m_diff.status}, hide) + m_headersView->addLines(m_diff.headers, hide);
    const int bodyChanges = m_bodyView->addLines(m_diff.body, hide);
    m_tabs->setTabText(0, bodyChanges ? tr("Body (%1)").arg(bodyChanges) : tr("Body"));
    m_tabs->setTabText(1, headerChanges ? tr("Status and headers (%1)").arg(headerChanges) : tr("Status and headers"));

    QStringList notes;
    if (!m_diff.bodyNote.isEmpty())
        notes.append(m_diff.bodyNote);
    // English has no catalogue, so its singular is a string of its own; %n lets other
    // languages pick their plural forms.
    if (m_diff.ignoredFields) {
        notes.append(m_diff.ignoredFields == 1 ? tr("1 field ignored.")
                                               : tr("%n fields ignored.", nullptr, m_diff.ignoredFields));
    }
    if (m_diff.ignoredHeaders) {
        notes.append(m_diff.ignoredHeaders == 1 ? tr("1 volatile header ignored.")
                                                : tr("%n volatile headers ignored.", nullptr, m_diff.ignoredHeaders));
    }
    m_bodyNote->setText(notes.join(u' '));
    m_bodyNote->setVisible(!notes.isEmpty());

    const HttpResponse &response = m_exchange.response;
    const int changes = m_diff.changes();
    const QString outcome = changes == 0 ? tr("The same as the captured answer.")
                            : changes == 1 ? tr("1 difference with the captured answer.")
                                           : tr("%n differences with the captured answer.", nullptr, changes);
    m_summary->setStyleSheet({});
    m_summary->setText(tr("Answered %1 in %2 ms.").arg(statusText(response.status, response.reason))
                           .arg(qRound(response.totalMs))
                       + u' ' + outcome);
}

void ReplayDialog::showFailure(const QString &message)
{
    m_hasAnswer = false;
    m_diff = {};
    ++m_generation;
    showDiff();
    m_summary->setStyleSheet(QStringLiteral("QLabel { color: #c62828; }"));
    m_summary->setText(message);
    emit compared();
}

void ReplayDialog::saveOptions() const
{
    const std::unique_ptr<QSettings> settings(pasarelaSettings(nullptr));
    settings->setValue(IgnoredKey, fieldList(m_ignored->text()));
    settings->setValue(HideUnchangedKey, m_hideUnchanged->isChecked());
    settings->setValue(IgnoreVolatileKey, m_ignoreVolatile->isChecked());
}

void ReplayDialog::updateButtons()
{
    m_replayCaptured->setEnabled(!isBusy());
    m_replayEdited->setEnabled(!isBusy());
}
