#pragma once

#include "domain/timerange.h"
#include "net/httpclient.h"
#include "sources/loki/lokitail.h"
#include "viewbase.h"

#include <QDateTime>
#include <QElapsedTimer>

class QCheckBox;
class QComboBox;
class QDialog;
class QLabel;
class QMenu;
class QLineEdit;
class QPushButton;
class QSpinBox;
class QTableView;
class QTextBrowser;
class QToolButton;

namespace wf {

class EmptyNote;

class HighlightDelegate;
class LogFileFollower;
class LogFilterProxy;
class VolumeHistogram;
class LogModel;
class LokiClient;
struct LokiResult;
struct Profile;

// The Logs view: a LogQL query over the app's time range (newest or oldest first, a limit, older
// pages on demand), the service's JSON lines in columns, a client-side filter with level toggles,
// a line's properties and exception below, and a live tail that follows the newest lines.
class LogsView : public ViewBase
{
    Q_OBJECT
public:
    explicit LogsView(QWidget *parent = nullptr);
    ~LogsView() override;

    void setClient(LokiClient *client);
    void setProfile(const Profile &profile); // the tail's endpoint; stops a running tail
    void setUtc(bool utc);

    LogModel *model() const { return m_model; }
    LogFilterProxy *proxy() const { return m_proxy; }
    QTableView *table() const { return m_table; }
    LokiTail *tail() const { return m_tail; }
    VolumeHistogram *histogram() const { return m_histogram; }
    QString query() const;
    void setQuery(const QString &logql);
    // The profile's last queries, newest first; a query that answers goes to the front.
    void setHistory(const QStringList &queries);
    QStringList history() const { return m_history; }
    // Shows that window's lines of the service's stream (from the router timeline, an alert).
    void showWindow(const QDateTime &from, const QDateTime &to);
    void setLive(bool live);
    bool isLive() const;
    QString statusText() const;
    // The selected line as shown (redacted), and as one JSON object of its fields.
    QString selectedLineText() const;
    QString selectedLineJson() const;
    // A log file the service wrote, shown with the same columns and followed as it grows; Loki
    // again after closeFile().
    void openFile(const QString &path);
    void closeFile();
    QString filePath() const;
    // The lines before and after the selected one from its own stream, in a window of their own.
    void showContext();
    QDialog *contextDialog() const { return m_contextDialog; }
    // The lines the filter lets through, as JSON lines (.jsonl) or CSV (.csv, by the suffix).
    bool exportVisible(const QString &path, QString *error) const;

    bool isSettled() const override { return m_settled; }
    // Not re-queried under the reader's eyes (it would lose the selection and the place): Run, a
    // new time range or Live bring new lines.
    bool refreshesOnTimer() const override { return false; }
    QJsonObject snapshot() const override;

public slots:
    void refresh() override; // runs the query
    void setTimeRange(const wf::TimeRange &range) override;
    void loadOlder();

signals:
    void queried(bool ok); // a query (or a page of older lines) answered
    void metricsRequested(const QDateTime &at); // "Show metrics at this time" on a line
    void rangeRequested(const QDateTime &from, const QDateTime &to); // a drag or click on the histogram
    void historyChanged(const QStringList &queries);

private:
    void runQuery(qint64 startNs, qint64 endNs, bool older);
    void takeResult(const LokiResult &result, bool older);
    void onTailEntries(const std::vector<TailEntry> &entries);
    void applyFilter();
    void updateCounts();
    void updateHistogram();
    void updateStatus();
    void showDetails();
    void createActions();
    void fillLabelMenu(QMenu *menu);
    void remember(const QString &logql);
    bool atBottom() const;

    LokiClient *m_client = nullptr;
    LokiTail *m_tail;
    LogModel *m_model;
    LogFilterProxy *m_proxy;
    QComboBox *m_queryBox;
    QLineEdit *m_queryEdit;
    QToolButton *m_labels;
    QStringList m_history;
    QDialog *m_contextDialog = nullptr;
    QComboBox *m_direction;
    QSpinBox *m_limit;
    QPushButton *m_run;
    QToolButton *m_live;
    QPushButton *m_older;
    QLineEdit *m_filter;
    QCheckBox *m_regex;
    QCheckBox *m_case;
    QList<QToolButton *> m_levelButtons;
    QTableView *m_table;
    EmptyNote *m_emptyNote = nullptr; // why no line is shown, in the table's middle
    QString emptyNote() const;
    VolumeHistogram *m_histogram;
    QTextBrowser *m_details;
    QLabel *m_status;
    QPushButton *m_newLines;
    TimeRange m_range;
    QDateTime m_windowFrom; // a fixed window from showWindow(), until the next range change
    QDateTime m_windowTo;
    RequestId m_request = 0;
    qint64 m_oldestNs = 0;
    int m_unseen = 0;
    bool m_settled = false;
    QString m_error;
    QString m_tailWarning;   // the last tail message that could not be read, until one is
    QString m_previousError; // the last query's error, while the next one is asked
    QElapsedTimer m_asking;  // since the query in flight was sent
    QElapsedTimer m_rateClock;
    int m_rateLines = 0;
    double m_linesPerSecond = 0;
    LogFileFollower *m_file;
    HighlightDelegate *m_highlight = nullptr;
    int m_lastScroll = 0;
    QPushButton *m_openFile;
    QPushButton *m_closeFile;
};

} // namespace wf
