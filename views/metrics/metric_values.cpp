#include "metrics/metric_values.h"

#include <QCoreApplication>
#include <QJsonArray>

#include <cmath>
#include <functional>

namespace panocast {
namespace {
class MetricNames {
  Q_DECLARE_TR_FUNCTIONS(MetricNames)
};

double finite(const QJsonValue& value) { return value.isDouble() ? value.toDouble() : std::nan(""); }

// Mean and standard deviation of a per-run field of the consistency section.
MetricValue overRuns(const QJsonObject& consistency, const std::function<QJsonValue(const QJsonObject&)>& field) {
  QVector<double> values;
  for (const auto& run : consistency.value("runs").toArray()) {
    const double v = finite(field(run.toObject()));
    if (std::isfinite(v)) values << v;
  }
  MetricValue m;
  if (values.isEmpty()) return m;
  double sum = 0, squares = 0;
  for (double v : values) sum += v;
  m.value = sum / values.size();
  for (double v : values) squares += (v - m.value) * (v - m.value);
  m.spread = values.size() > 1 ? std::sqrt(squares / (values.size() - 1)) : 0;
  m.present = true;
  return m;
}
}  // namespace

const QList<MetricInfo>& headlineMetrics() {
  static const QList<MetricInfo> metrics{
      {"fid", MetricNames::tr("FID"), {}, true},
      {"kid", MetricNames::tr("KID"), {}, true},
      {"inception_score", MetricNames::tr("Inception Score"), {}, false},
      {"clip_score", MetricNames::tr("CLIP score"), {}, false},
      {"overlap_psnr", MetricNames::tr("Overlap PSNR"), "dB", false},
      {"overlap_ssim", MetricNames::tr("Overlap SSIM"), {}, false},
      {"seam_ratio", MetricNames::tr("Seam / background step"), {}, true},
  };
  return metrics;
}

MetricValue metricValue(const QJsonObject& report, const QString& key) {
  MetricValue m;
  const QJsonObject skipped = report.value("skipped_metrics").toObject();
  const QJsonObject consistency = report.value("consistency").toObject();
  if (key == "fid") {
    m.value = finite(report.value("fid"));
  } else if (key == "kid") {
    m.value = finite(report.value("kid_mean"));
    m.spread = report.value("kid_std").toDouble();
  } else if (key == "inception_score") {
    m.value = finite(report.value("inception_score_mean"));
    m.spread = report.value("inception_score_std").toDouble();
  } else if (key == "clip_score") {
    m.value = finite(report.value("clip_score"));
    m.spread = report.value("clip_score_std").toDouble();
  } else if (key == "overlap_psnr") {
    m = overRuns(consistency, [](const QJsonObject& run) { return run.value("mean_overlap_psnr_db"); });
  } else if (key == "overlap_ssim") {
    m = overRuns(consistency, [](const QJsonObject& run) { return run.value("mean_overlap_ssim"); });
  } else if (key == "seam_ratio") {
    m = overRuns(consistency, [](const QJsonObject& run) {
      return run.value("seam_score").toObject().value("seam_to_background_ratio");
    });
  }
  if (!m.present) m.present = std::isfinite(m.value);
  if (!m.present) {
    const QString reportKey = key.startsWith("overlap") || key == "seam_ratio" ? "consistency" : key;
    m.skipped = skipped.value(reportKey).toString();
  }
  return m;
}

QVector<double> pairPsnrDb(const QJsonObject& report) {
  QVector<double> sums, counts;
  for (const auto& run : report.value("consistency").toObject().value("runs").toArray()) {
    const auto pairs = run.toObject().value("pairs").toArray();
    if (sums.size() < pairs.size()) sums.resize(pairs.size()), counts.resize(pairs.size());
    for (int k = 0; k < pairs.size(); ++k) {
      const double v = finite(pairs[k].toObject().value("overlap_psnr_db"));
      if (std::isfinite(v)) sums[k] += v, counts[k] += 1;
    }
  }
  QVector<double> means;
  for (int k = 0; k < sums.size(); ++k) means << (counts[k] > 0 ? sums[k] / counts[k] : std::nan(""));
  return means;
}

QStringList pairLabels(const QJsonObject& report) {
  QStringList labels;
  const auto runs = report.value("consistency").toObject().value("runs").toArray();
  if (runs.isEmpty()) return labels;
  for (const auto& pair : runs.first().toObject().value("pairs").toArray()) {
    const auto views = pair.toObject().value("views").toArray();
    labels << QStringLiteral("%1–%2").arg(views.at(0).toInt()).arg(views.at(1).toInt());
  }
  return labels;
}

QVector<QPointF> fidCurve(const QJsonObject& report) {
  QVector<QPointF> points;
  for (const auto& point : report.value("fid_by_generated_images").toArray()) {
    const auto p = point.toObject();
    if (p.value("fid").isDouble()) points << QPointF(p.value("images").toDouble(), p.value("fid").toDouble());
  }
  return points;
}

QString metricsCsv(const QList<QPair<QString, QJsonObject>>& reports) {
  QStringList header{"metric", "unit"};
  for (const auto& [method, report] : reports) header << method + " value" << method + " spread";
  QStringList lines{header.join(',')};
  for (const auto& metric : headlineMetrics()) {
    QStringList row{metric.key, metric.unit};
    for (const auto& [method, report] : reports) {
      const auto m = metricValue(report, metric.key);
      row << (m.present ? QString::number(m.value, 'g', 8) : QString()) << (m.present ? QString::number(m.spread, 'g', 6) : QString());
    }
    lines << row.join(',');
  }
  return lines.join('\n') + '\n';
}

}  // namespace panocast
