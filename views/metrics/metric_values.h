#pragma once
// Reading numbers out of metrics reports (the JSON of core's metrics job), one report per method:
// the headline metrics with their spread, the per-view-pair overlap PSNR, and the FID curve.
#include <QJsonObject>
#include <QList>
#include <QPointF>
#include <QString>
#include <QVector>

namespace panocast {

struct MetricInfo {
  QString key;     // "fid", "kid", "inception_score", "clip_score", "overlap_psnr", "overlap_ssim", "seam_ratio"
  QString label;   // "FID"
  QString unit;    // "dB" or empty
  bool lowerIsBetter = true;
};
const QList<MetricInfo>& headlineMetrics();

struct MetricValue {
  bool present = false;
  double value = 0;
  double spread = 0;  // standard deviation (splits, subsets or runs); 0 when there is none
  QString skipped;    // why it is absent, from the report
};
MetricValue metricValue(const QJsonObject& report, const QString& key);

// Mean overlap PSNR per neighbouring view pair (0–1, 1–2, …, the wrap pair last) over the runs;
// NaN where no run has a finite value.
QVector<double> pairPsnrDb(const QJsonObject& report);
QStringList pairLabels(const QJsonObject& report);
// (generated images, FID) points, empty when the report has no curve.
QVector<QPointF> fidCurve(const QJsonObject& report);

// One row per metric, one column per method: "metric,unit,<method> value,<method> spread,…".
QString metricsCsv(const QList<QPair<QString, QJsonObject>>& reports);

}  // namespace panocast
