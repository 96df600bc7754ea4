#include "saverequestdialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>

SaveRequestDialog::SaveRequestDialog(const QStringList &collections, const QString &collection, const QString &name,
                                     const QString &replacing, QWidget *parent)
    : QDialog(parent)
    , m_replacing(replacing)
    , m_collection(new QComboBox(this))
    , m_name(new QLineEdit(name, this))
    , m_note(new QLabel(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setWindowTitle(tr("Save to collection"));
    m_collection->setEditable(true);
    m_collection->addItems(collections);
    m_collection->setCurrentText(collection);
    m_collection->setInsertPolicy(QComboBox::NoInsert);
    m_collection->setAccessibleName(tr("Collection"));
    m_collection->setToolTip(tr("A collection of the Collections tab, or a new name to start one"));
    m_name->setAccessibleName(tr("Request name"));
    m_name->setPlaceholderText(tr("list items"));
    m_name->setToolTip(tr("What Collections and pasarela run call the request; may stay empty"));
    m_note->setWordWrap(true);
    m_note->setAccessibleName(tr("What saving does"));
    m_buttons->button(QDialogButtonBox::Ok)->setToolTip(tr("Keep the request, its headers, body, options and "
                                                           "assertions in the collection"));
    m_buttons->button(QDialogButtonBox::Cancel)->setToolTip(tr("Keep nothing"));
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_collection, &QComboBox::currentTextChanged, this, &SaveRequestDialog::update);

    auto *form = new QFormLayout(this);
    auto *collectionLabel = new QLabel(tr("Co&llection:"), this);
    collectionLabel->setBuddy(m_collection);
    auto *nameLabel = new QLabel(tr("&Name:"), this);
    nameLabel->setBuddy(m_name);
    form->addRow(collectionLabel, m_collection);
    form->addRow(nameLabel, m_name);
    form->addRow(m_note);
    form->addRow(m_buttons);
    resize(460, sizeHint().height());
    update();
}

QString SaveRequestDialog::collection() const
{
    return m_collection->currentText().trimmed();
}

QString SaveRequestDialog::name() const
{
    return m_name->text().trimmed();
}

void SaveRequestDialog::update()
{
    const QString target = collection();
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(!target.isEmpty());
    if (target.isEmpty())
        m_note->setText(tr("Name the collection to keep the request in."));
    else if (target == m_replacing)
        m_note->setText(tr("Replaces the request loaded from \"%1\".").arg(target));
    else if (m_collection->findText(target) >= 0)
        m_note->setText(tr("Adds the request at the end of \"%1\".").arg(target));
    else
        m_note->setText(tr("Starts the collection \"%1\" with this request.").arg(target));
}
