#pragma once

#include <QDialog>
#include <QHash>
#include <QList>

#include "rules/forwardrule.h"

class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class FaultsEditor;
class QFormLayout;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QSpinBox;
class QTabWidget;

// Adds or edits one rule. Validation is the core's (ForwardRule::validate and
// validateRules against the other rules), shown inline as the user types; OK is
// disabled while the rule is invalid, with the reason next to the field.
class RuleEditorDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RuleEditorDialog)

public:
    // others: the rules already present, without the one being edited.
    RuleEditorDialog(const ForwardRule &rule, const QList<ForwardRule> &others, QWidget *parent = nullptr);

    // The rule as entered; valid when the dialog was accepted.
    ForwardRule rule() const;
    // Empty when valid; else what is wrong, in words.
    QString validationError() const;

    // Listen addresses offered: 127.0.0.1, ::1, 0.0.0.0, ::, then each address of
    // each interface, labelled with its name. Pairs of (address, label).
    static QList<QPair<QString, QString>> listenChoices();

private:
    void validate();
    QWidget *fieldFor(const QString &message) const;
    QString listenHostText() const;
    void addRow(QFormLayout *form, const QString &label, QWidget *field, const QString &toolTip, QLabel *note = nullptr);

    QList<ForwardRule> m_others;
    ForwardRule m_base;  // keeps fields the dialog does not show (extra keys)
    QLineEdit *m_name;
    QComboBox *m_listenHost;  // editable
    QSpinBox *m_listenPort;
    QLineEdit *m_targetHost;
    QSpinBox *m_targetPort;
    QComboBox *m_protocol;
    QLineEdit *m_moreTargets;  // the failover list after the target, "HOST:PORT, HOST:PORT"
    QSpinBox *m_cooldown;
    QPlainTextEdit *m_allow;
    QSpinBox *m_maxConnections;
    QSpinBox *m_connectTimeout;
    QSpinBox *m_idleTimeout;
    QCheckBox *m_inspect;
    bool m_inspectChanged = false;  // unset stays unset unless the user clicks the box
    QCheckBox *m_follow;
    bool m_followChanged = false;   // likewise
    FaultsEditor *m_faults;
    QTabWidget *m_tabs;
    QLabel *m_exposed;
    QLabel *m_otherError;  // errors that name no field of this dialog
    QHash<QWidget *, QLabel *> m_errors;  // one message line under each field
    QString m_errorText;
    QDialogButtonBox *m_buttons;
};
