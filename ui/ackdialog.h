#pragma once

#include "store/ackstore.h"

#include <QDialog>

class QComboBox;
class QLineEdit;

namespace wf {

// Acknowledge one or more alerts: for how long ("until resolved" first), a note, who.
class AckDialog : public QDialog
{
    Q_OBJECT
public:
    AckDialog(int alertCount, const QString &author, QWidget *parent = nullptr);

    AckRecord::Mode mode() const;
    int seconds() const; // the silence's length; for "until resolved", the safety end
    QString note() const;
    QString author() const;

    static constexpr int kUntilResolvedSafetySeconds = 24 * 3600;

private:
    QComboBox *m_duration;
    QLineEdit *m_note;
    QLineEdit *m_author;
};

} // namespace wf
