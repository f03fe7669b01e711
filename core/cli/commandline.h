#pragma once

#include "domain/viewid.h"

#include <QString>
#include <QStringList>
#include <QUrl>

#include <spdlog/common.h>

#include <optional>

namespace wf {

inline constexpr int kMaxDemoEnvironments = 20; // --environments N: at most this many demo stacks

// What the user asked for on the command line.
struct LaunchOptions
{
    QString profile;
    QUrl prometheus;
    QUrl alertmanager;
    QList<QUrl> alertmanagerPeers; // --alertmanager URL,URL,…: the cluster's other peers
    QList<QUrl> prometheusReplicas; // --prometheus URL,URL,…: an HA pair's other replicas
    QUrl loki;
    QUrl health;
    std::optional<ViewId> view;
    QString screenshotDir;
    QString dashboards; // --dashboards DIR: this folder's dashboards instead of the profile's, for this run
    bool demo = false; // start the demo stack and use it
    int environments = 1; // --demo --environments N: N demo stacks, the Environments view shown
    bool victoriaMetrics = false; // --demo --metrics victoriametrics: VictoriaMetrics and vmalert in Prometheus' place
    bool wall = false; // open in wall mode
    spdlog::level::level_enum logLevel = spdlog::level::info;
    QString language; // empty: the system locale

    bool overridesEndpoints() const { return !prometheus.isEmpty() || !alertmanager.isEmpty() || !loki.isEmpty() || !health.isEmpty(); }
};

struct CommandLine
{
    enum class Outcome { Run, ShowText, Error };
    Outcome outcome = Outcome::Run;
    LaunchOptions options;
    QString text; // --help / --version output, or the error message
    int exitCode() const { return outcome == Outcome::Error ? 2 : 0; }
};

// Parses argv (arguments.first() is the program). Pure: prints nothing, exits nothing.
CommandLine parseCommandLine(const QStringList &arguments);

// The languages the console ships translations for.
QStringList availableLanguages();

} // namespace wf
