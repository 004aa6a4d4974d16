#pragma once
// The flow-vector overlay of the live preview: dense optical flow (DIS, ultrafast preset, at
// ½ resolution for frames 640 pixels wide or more) between consecutive frames, drawn as arrows
// on a grid, each at most one grid step long. For display only; the
// camera pose comes from CameraTracker's sparse, masked tracking.
#include <opencv2/core.hpp>
#include <opencv2/video/tracking.hpp>

namespace panocast {

class FlowOverlay {
 public:
  // `gridStepPx`: arrow spacing in frame pixels; `gain`: arrow length per pixel of motion.
  explicit FlowOverlay(int gridStepPx = 24, double gain = 3.0);

  // Updates the flow with `frame` (8-bit grey/BGR/BGRA) and draws it onto `canvas` (8-bit BGR,
  // frame size). Arrows that start on the person (`personMask` nonzero / > 0.5) are drawn in
  // another colour: they are not used for tracking. The first frame draws nothing.
  void draw(const cv::Mat& frame, cv::Mat& canvas, const cv::Mat& personMask = cv::Mat());
  // The last flow (previous → current) at the working resolution, CV_32FC2, in its pixels.
  const cv::Mat& flow() const { return flow_; }
  void reset() { previous_.release(); flow_.release(); }

 private:
  cv::Ptr<cv::DISOpticalFlow> dis_;
  cv::Mat previous_, flow_;
  int step_;
  double gain_;
};

}  // namespace panocast
