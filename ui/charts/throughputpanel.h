#pragma once

#include <QWidget>

#include "charts/ratehistory.h"
#include "relay/enginesnapshot.h"

class QComboBox;
class QLabel;
class QTimer;

// The Throughput tab: bytes/s in and out over the last 1, 5 or 15 minutes, for all
// rules or for the rule selected in the rules table, with active connections as a
// second chart. Samples are kept always; the chart is redrawn on a timer only while
// the panel is visible. The Qt Charts classes stay in throughputpanel.cpp.
class ThroughputPanel final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ThroughputPanel)

public:
    explicit ThroughputPanel(QWidget *parent = nullptr);
    ~ThroughputPanel() override;

    void applySnapshot(const EngineSnapshot &snapshot);
    // 0: all rules. name is shown in the title.
    void setRule(RuleId id, const QString &name);
    void setWindowSeconds(int seconds);  // 60, 300 or 900
    int windowSeconds() const;

    const RateHistory &history() const { return m_history; }
    // Points currently in the in/out series (for tests).
    int plottedPoints() const;
    // Redraws now (the timer calls this while visible).
    void redraw();
    // Whether the redraw timer runs (only while the panel is shown).
    bool isRedrawing() const;

protected:
    void showEvent(QShowEvent *event) override;
    void hideEvent(QHideEvent *event) override;

private:
    struct Chart;
    void updateTitle();
    RateHistory m_history;
    RuleId m_rule = 0;
    QString m_ruleName;
    QComboBox *m_window;
    QLabel *m_title;
    QTimer *m_timer;
    Chart *m_chart;  // Qt Charts objects, defined in the .cpp
};
