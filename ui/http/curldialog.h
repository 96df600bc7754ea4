#pragma once

#include <QDialog>

#include "http/httpmessage.h"

class QDialogButtonBox;
class QLabel;
class QPlainTextEdit;

// "Paste curl": a curl command in, a request out. Checked as it is typed; OK
// only while it reads.
class CurlDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CurlDialog)

public:
    explicit CurlDialog(const QString &command, QWidget *parent = nullptr);

    HttpRequest request() const { return m_request; }
    QPlainTextEdit *textEdit() const { return m_text; }
    QLabel *messageLabel() const { return m_message; }
    QDialogButtonBox *buttons() const { return m_buttons; }

private:
    void check();

    QPlainTextEdit *m_text;
    QLabel *m_message;
    QDialogButtonBox *m_buttons;
    HttpRequest m_request;
};
