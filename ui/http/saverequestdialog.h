#pragma once

#include <QDialog>
#include <QStringList>

class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;

// Asks where to keep the request of the HTTP client: a collection (an existing one or
// a new name) and the request's name.
class SaveRequestDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SaveRequestDialog)

public:
    // replacing: the collection whose request is being edited ("" for none): saving
    // there replaces that request, elsewhere adds a copy.
    SaveRequestDialog(const QStringList &collections, const QString &collection, const QString &name,
                      const QString &replacing, QWidget *parent = nullptr);

    QString collection() const;
    QString name() const;

    QComboBox *collectionCombo() const { return m_collection; }
    QLineEdit *nameEdit() const { return m_name; }
    QLabel *noteLabel() const { return m_note; }
    QDialogButtonBox *buttons() const { return m_buttons; }

private:
    void update();

    QString m_replacing;
    QComboBox *m_collection;
    QLineEdit *m_name;
    QLabel *m_note;
    QDialogButtonBox *m_buttons;
};
