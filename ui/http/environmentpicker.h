#pragma once

#include <QString>
#include <QWidget>

#include "http/variables.h"

class CollectionsPanel;
class QComboBox;
class QPushButton;
class QSettings;

// The HTTP client's environment: a combo ("No environment", then the environments of
// the current collection) and a button that edits them. The current collection is the
// one of the request last picked under Collections (else the first one); edits are
// kept in it through the CollectionsPanel.
class EnvironmentPicker final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(EnvironmentPicker)

public:
    explicit EnvironmentPicker(CollectionsPanel *collections, QWidget *parent = nullptr);

    // The collection whose environments are offered, empty when there is none.
    QString collection() const;
    void setCollection(const QString &name);
    // The chosen environment's name, empty for none.
    QString environment() const;
    // Chooses it when the collection has it, else no environment.
    void setEnvironment(const QString &name);
    // What a request is sent with: the chosen environment, the process's PASARELA_VAR_*.
    VariableSet variables() const;
    // "Sends to http://api.local:8080/items" with secrets left as {{name}}, and which
    // variables have no value; empty for a URL without {{variables}}.
    QString describeUrl(const QString &url) const;

    // Opens the environments dialog for the current collection (a new one, "My
    // requests", when there is none yet).
    void editEnvironments();

    void saveSettings(QSettings &settings) const;
    void restoreSettings(const QSettings &settings);

    QComboBox *combo() const { return m_combo; }
    QPushButton *editButton() const { return m_edit; }

signals:
    // Another environment, or other values, are in effect.
    void changed();

private:
    const Environment *chosen() const;
    void refill();

    CollectionsPanel *m_collections;
    QString m_collection;
    // Chosen before its collection was there to offer it (settings, a rename).
    QString m_wanted;
    QComboBox *m_combo;
    QPushButton *m_edit;
};
