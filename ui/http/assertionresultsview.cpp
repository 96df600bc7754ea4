#include "assertionresultsview.h"

#include <algorithm>

#include <QFutureWatcher>
#include <QLabel>
#include <QListWidget>
#include <QPainter>
#include <QPainterPath>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

#include "appicon.h"

namespace {

constexpr int PassedRole = Qt::UserRole;

// Drawn: themes have no common pair of icons for it, and offscreen has no theme.
QIcon paintIcon(bool passed)
{
    return drawnIcon([passed](QPainter &painter) {
        painter.setPen(Qt::NoPen);
        painter.setBrush(passed ? QColor(0x2e, 0x7d, 0x32) : QColor(0xc6, 0x28, 0x28));
        painter.drawEllipse(QRectF(0.5, 0.5, 15, 15));
        QPainterPath mark;
        if (passed) {
            mark.moveTo(4.2, 8.3);
            mark.lineTo(6.9, 11.0);
            mark.lineTo(11.9, 5.2);
        } else {
            mark.moveTo(5.2, 5.2);
            mark.lineTo(10.8, 10.8);
            mark.moveTo(10.8, 5.2);
            mark.lineTo(5.2, 10.8);
        }
        painter.setPen(QPen(Qt::white, 2.0, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
        painter.setBrush(Qt::NoBrush);
        painter.drawPath(mark);
    });
}

} // namespace

AssertionResultsView::AssertionResultsView(QWidget *parent)
    : QWidget(parent)
    , m_summary(new QLabel(this))
    , m_list(new QListWidget(this))
{
    m_summary->setAccessibleName(tr("Assertion results"));
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_list->setAccessibleName(tr("Assertion results"));
    m_list->setToolTip(tr("Each assertion of the request against this response"));
    m_list->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_list->setWordWrap(true);
    m_list->setUniformItemSizes(false);
    m_list->setIconSize(QSize(16, 16));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_list);
    clear();
}

QIcon AssertionResultsView::passedIcon()
{
    static const QIcon icon = paintIcon(true);
    return icon;
}

QIcon AssertionResultsView::failedIcon()
{
    static const QIcon icon = paintIcon(false);
    return icon;
}

void AssertionResultsView::clear()
{
    ++m_generation;
    m_checking = false;
    m_results.clear();
    m_list->clear();
    m_summary->clear();
    m_summary->hide();
    hide();
}

void AssertionResultsView::check(const QList<Assertion> &assertions, const HttpResponse &response)
{
    clear();
    if (assertions.isEmpty())
        return;
    m_checking = true;
    // English has no catalogue, so its singular is a string of its own; %n lets other
    // languages have their plurals.
    m_summary->setText(assertions.size() == 1 ? tr("Checking 1 assertion…")
                                              : tr("Checking %n assertions…", nullptr, int(assertions.size())));
    m_summary->setStyleSheet(QStringLiteral("QLabel { color: #616161; }"));
    m_summary->setToolTip(tr("The assertions of the request, checked against this response"));
    m_summary->show();
    auto *watcher = new QFutureWatcher<QList<AssertionResult>>(this);
    const quint64 generation = m_generation;
    connect(watcher, &QFutureWatcher<QList<AssertionResult>>::finished, this, [this, watcher, generation] {
        watcher->deleteLater();
        if (generation == m_generation)
            showResults(watcher->result());
    });
    watcher->setFuture(QtConcurrent::run([assertions, response] { return evaluate(assertions, response); }));
}

void AssertionResultsView::showNotChecked(int count)
{
    clear();
    if (count <= 0)
        return;
    m_summary->setText(count == 1 ? tr("1 assertion not checked") : tr("%n assertions not checked", nullptr, count));
    m_summary->setStyleSheet(QStringLiteral("QLabel { color: #616161; }"));
    m_summary->setToolTip(tr("No response arrived, so there was nothing to check"));
    m_summary->show();
}

int AssertionResultsView::passedCount() const
{
    return int(std::count_if(m_results.cbegin(), m_results.cend(), [](const AssertionResult &r) { return r.passed; }));
}

int AssertionResultsView::failedCount() const
{
    return int(m_results.size()) - passedCount();
}

void AssertionResultsView::showResults(const QList<AssertionResult> &results)
{
    m_checking = false;
    m_results = results;
    m_list->clear();
    for (const AssertionResult &result : results) {
        auto *item = new QListWidgetItem(result.passed ? passedIcon() : failedIcon(), result.message, m_list);
        item->setData(PassedRole, result.passed);
        item->setToolTip(result.passed ? tr("Passed: %1").arg(result.description)
                                       : tr("Failed: %1 (%2)").arg(result.description, result.message));
        item->setData(Qt::AccessibleTextRole, result.passed ? tr("passed: %1").arg(result.message)
                                                            : tr("failed: %1").arg(result.message));
    }
    const int passed = passedCount();
    const int failed = failedCount();
    const QString text = failed == 0 ? tr("%n passed", "assertions", passed)
                                     : tr("%n passed", "assertions", passed) + QStringLiteral(", ")
                                           + tr("%n failed", "assertions", failed);
    m_summary->setText(text);
    m_summary->setStyleSheet(failed == 0 ? QStringLiteral("QLabel { color: #2e7d32; font-weight: bold; }")
                                         : QStringLiteral("QLabel { color: #c62828; font-weight: bold; }"));
    m_summary->setToolTip(failed == 0 ? tr("Every assertion of the request passed")
                                      : tr("See the list below the response for what was found"));
    m_summary->show();
    show();
    emit checked();
}
