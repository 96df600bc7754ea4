#include "curldialog.h"

#include <QDialogButtonBox>
#include <QFontDatabase>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

#include "http/curlcommand.h"

CurlDialog::CurlDialog(const QString &command, QWidget *parent)
    : QDialog(parent)
    , m_text(new QPlainTextEdit(this))
    , m_message(new QLabel(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setWindowTitle(tr("Paste curl command"));
    auto *intro = new QLabel(tr("A curl command, as a browser's \"Copy as cURL\" gives it. OK fills the request "
                                "editor with its method, URL, headers and body."),
                             this);
    intro->setWordWrap(true);
    m_text->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_text->setPlaceholderText(QStringLiteral("curl -H 'Host: api.local' http://127.0.0.1:31042/api/v1/items"));
    m_text->setAccessibleName(tr("curl command"));
    m_text->setToolTip(tr("The command is read, not run"));
    m_text->setTabChangesFocus(true);
    m_message->setWordWrap(true);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_message->setAccessibleName(tr("curl command check"));
    m_buttons->button(QDialogButtonBox::Ok)->setToolTip(tr("Fill the request editor from this command"));
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_text, &QPlainTextEdit::textChanged, this, &CurlDialog::check);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addWidget(m_text, 1);
    layout->addWidget(m_message);
    layout->addWidget(m_buttons);
    resize(640, 320);

    m_text->setPlainText(command);
    check();
}

void CurlDialog::check()
{
    QStringList notes;
    const QString command = m_text->toPlainText().trimmed();
    const Result<HttpRequest> parsed = command.isEmpty() ? Result<HttpRequest>(Error{}) : CurlCommand::toRequest(command, &notes);
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(parsed.ok());
    if (parsed) {
        m_request = parsed.value();
        m_message->setStyleSheet(QStringLiteral("QLabel { color: #616161; }"));
        m_message->setText(notes.join(u'\n'));
    } else {
        m_message->setStyleSheet(QStringLiteral("QLabel { color: #c62828; }"));
        m_message->setText(parsed.error());
    }
    m_message->setVisible(!m_message->text().isEmpty());
}
