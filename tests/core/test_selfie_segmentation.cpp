// MediaPipe Selfie Segmentation from the real .tflite files: the flatbuffer reader (facts of both
// models, hostile input), the graph's operators against direct loops of TFLite's definitions, and
// golden parity with Google's own runtime (fixtures.md, selfie/). The models come from set-up
// (npm, not in git): those tests skip with a message when data/models is missing.
#include <gtest/gtest.h>
#include <torch/torch.h>

#include <cmath>
#include <cstring>
#include <fstream>
#include <iostream>
#include <map>
#include <random>

#include "io/image.h"
#include "io/safetensors.h"
#include "io/tflite_model.h"
#include "live/selfie_segmenter.h"
#include "nn/tflite_graph.h"
#include "runtime/error.h"
#include "support/compare.h"
#include "support/fixtures.h"

using namespace panocast;
namespace fs = std::filesystem;

namespace {

fs::path modelPath(SelfieModel model) {
  return fs::path(PANOCAST_SOURCE_DIR) / "data" / "models" / "selfie_segmentation" / selfieModelFileName(model);
}

#define REQUIRE_MODEL(model)                                                                      \
  do {                                                                                            \
    if (!fs::exists(modelPath(model))) {                                                          \
      GTEST_SKIP() << "missing " << modelPath(model).string()                                     \
                   << ": run scripts/setup.sh to fetch the MediaPipe selfie models from npm";     \
    }                                                                                             \
  } while (0)

std::vector<uint8_t> readBytes(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  return std::vector<uint8_t>((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

TfliteModel parse(const std::vector<uint8_t>& bytes) { return parseTfliteModel(bytes.data(), bytes.size(), "test.tflite"); }

// Expects rejection with panocast::Error whose message contains `words`.
void expectRejected(const std::vector<uint8_t>& bytes, const std::string& words, const std::string& what) {
  try {
    parse(bytes);
    ADD_FAILURE() << "accepted: " << what;
  } catch (const Error& e) {
    const std::string message = e.what();
    EXPECT_NE(message.find("test.tflite"), std::string::npos) << message;
    EXPECT_NE(message.find(words), std::string::npos) << what << ": " << message;
  }
}

// Just enough flatbuffer navigation to aim corruptions at known fields (live.md §2.1).
struct Flat {
  std::vector<uint8_t>& b;
  uint32_t u32(size_t p) const { uint32_t v; std::memcpy(&v, &b[p], 4); return v; }
  void put32(size_t p, uint32_t v) { std::memcpy(&b[p], &v, 4); }
  size_t vtable(size_t table) const { int32_t s; std::memcpy(&s, &b[table], 4); return table - s; }
  size_t field(size_t table, int id) const {  // 0 when absent
    const size_t vt = vtable(table);
    uint16_t vsize, off;
    std::memcpy(&vsize, &b[vt], 2);
    if (4 + 2 * id + 2 > vsize) return 0;
    std::memcpy(&off, &b[vt + 4 + 2 * id], 2);
    return off ? table + off : 0;
  }
  size_t deref(size_t p) const { return p + u32(p); }
  size_t root() const { return u32(0); }
  size_t element(size_t vectorField, uint32_t i) const { return deref(deref(vectorField) + 4 + 4 * i); }  // table i
};

std::map<std::string, int> operatorCounts(const TfliteModel& m) {
  std::map<std::string, int> counts;
  for (const auto& op : m.mainGraph().operators) ++counts[m.operatorName(op)];
  return counts;
}

// ---- a model assembled in code, for operator tests --------------------------------------------

class TinyModel {
 public:
  TinyModel() { model_.buffers.push_back({}); }  // buffer 0: the empty sentinel

  int activation(const std::string& name, std::vector<int64_t> shape) { return add(name, std::move(shape), TfliteType::Float32, nullptr, 0); }
  int constant(const std::string& name, const torch::Tensor& values) {  // TFLite layout, stored F32
    auto c = values.contiguous().to(torch::kFloat32);
    return add(name, c.sizes().vec(), TfliteType::Float32, c.data_ptr(), c.numel() * 4);
  }
  int halfConstant(const std::string& name, const torch::Tensor& values) {
    auto c = values.contiguous().to(torch::kFloat16);
    return add(name, c.sizes().vec(), TfliteType::Float16, c.data_ptr(), c.numel() * 2);
  }
  int ints(const std::string& name, const std::vector<int32_t>& values) {
    return add(name, {static_cast<int64_t>(values.size())}, TfliteType::Int32, values.data(), values.size() * 4);
  }
  void op(int code, std::vector<int32_t> in, std::vector<int32_t> out, TfliteOptions options = {},
          const std::string& custom = "", const std::vector<int32_t>& customOptions = {}) {
    TfliteOperator o;
    o.opcodeIndex = opcode(code, custom);
    o.builtinCode = code;
    o.inputs = std::move(in);
    o.outputs = std::move(out);
    o.options = options;
    o.customOptionsOffset = blob_.size();
    o.customOptionsSize = customOptions.size() * 4;
    append(customOptions.data(), customOptions.size() * 4);
    graph_.operators.push_back(std::move(o));
  }
  TfliteModel build(std::vector<int32_t> inputs, std::vector<int32_t> outputs) {
    graph_.inputs = std::move(inputs);
    graph_.outputs = std::move(outputs);
    TfliteModel m = model_;
    m.source = "tiny.tflite";
    m.version = 3;
    m.subgraphs = {graph_};
    m.bytes = std::make_shared<const std::vector<uint8_t>>(blob_);
    return m;
  }

 private:
  int add(const std::string& name, std::vector<int64_t> shape, TfliteType type, const void* data, size_t bytes) {
    TfliteTensor t;
    t.name = name;
    t.shape = std::move(shape);
    t.type = type;
    if (data) {
      model_.buffers.push_back({blob_.size(), bytes});
      append(data, bytes);
      t.buffer = static_cast<uint32_t>(model_.buffers.size() - 1);
    }
    graph_.tensors.push_back(t);
    return static_cast<int>(graph_.tensors.size() - 1);
  }
  uint32_t opcode(int code, const std::string& custom) {
    for (size_t i = 0; i < model_.operatorCodes.size(); ++i)
      if (model_.operatorCodes[i].builtinCode == code && model_.operatorCodes[i].customCode == custom) return i;
    model_.operatorCodes.push_back({code, custom});
    return static_cast<uint32_t>(model_.operatorCodes.size() - 1);
  }
  void append(const void* data, size_t bytes) {
    const auto* p = static_cast<const uint8_t*>(data);
    blob_.insert(blob_.end(), p, p + bytes);
  }
  TfliteModel model_;
  TfliteSubgraph graph_;
  std::vector<uint8_t> blob_;
};

// TFLite's output size and leading padding for one axis (live.md §2.5).
std::pair<int64_t, int64_t> sizeAndPad(bool same, int64_t in, int64_t k, int64_t s) {
  const int64_t out = same ? (in + s - 1) / s : (in - k + s) / s;
  const int64_t total = same ? std::max<int64_t>((out - 1) * s + k - in, 0) : 0;
  return {out, total / 2};
}

// CONV_2D (or DEPTHWISE_CONV_2D with a [1, kH, kW, C] filter) as a direct loop over NHWC.
torch::Tensor convReference(const torch::Tensor& x, const torch::Tensor& filter, const torch::Tensor& bias, int64_t s,
                            bool same, bool depthwise) {
  const int64_t H = x.size(1), W = x.size(2), C = x.size(3), kh = filter.size(1), kw = filter.size(2);
  const int64_t O = depthwise ? filter.size(3) : filter.size(0);
  const auto [oh, padT] = sizeAndPad(same, H, kh, s);
  const auto [ow, padL] = sizeAndPad(same, W, kw, s);
  auto out = torch::zeros({1, oh, ow, O});
  auto xa = x.accessor<float, 4>(), fa = filter.accessor<float, 4>(), oa = out.accessor<float, 4>();
  auto ba = bias.accessor<float, 1>();
  for (int64_t oy = 0; oy < oh; ++oy)
    for (int64_t ox = 0; ox < ow; ++ox)
      for (int64_t o = 0; o < O; ++o) {
        double sum = ba[o];
        for (int64_t fy = 0; fy < kh; ++fy)
          for (int64_t fx = 0; fx < kw; ++fx) {
            const int64_t iy = oy * s - padT + fy, ix = ox * s - padL + fx;
            if (iy < 0 || iy >= H || ix < 0 || ix >= W) continue;
            if (depthwise) sum += xa[0][iy][ix][o] * fa[0][fy][fx][o];
            else
              for (int64_t c = 0; c < C; ++c) sum += xa[0][iy][ix][c] * fa[o][fy][fx][c];
          }
        oa[0][oy][ox][o] = static_cast<float>(sum);
      }
  return out;
}

// Convolution2DTransposeBias as MediaPipe's kernel defines it (live.md §1.4), SAME padding.
torch::Tensor transposeReference(const torch::Tensor& x, const torch::Tensor& w, const torch::Tensor& bias, int64_t s) {
  const int64_t H = x.size(1), W = x.size(2), C = x.size(3), O = w.size(0), kh = w.size(1), kw = w.size(2);
  const int64_t padH = std::max<int64_t>(0, kh - (H - 1) % s - 1), padW = std::max<int64_t>(0, kw - (W - 1) % s - 1);
  const int64_t oh = s * (H - 1) + kh - padH, ow = s * (W - 1) + kw - padW;
  auto out = bias.view({1, 1, 1, O}).expand({1, oh, ow, O}).clone();
  auto xa = x.accessor<float, 4>(), wa = w.accessor<float, 4>(), oa = out.accessor<float, 4>();
  for (int64_t iy = 0; iy < H; ++iy)
    for (int64_t ix = 0; ix < W; ++ix)
      for (int64_t fy = 0; fy < kh; ++fy)
        for (int64_t fx = 0; fx < kw; ++fx) {
          const int64_t y = iy * s - padH / 2 + fy, xx = ix * s - padW / 2 + fx;
          if (y < 0 || y >= oh || xx < 0 || xx >= ow) continue;
          for (int64_t o = 0; o < O; ++o)
            for (int64_t c = 0; c < C; ++c) oa[0][y][xx][o] += xa[0][iy][ix][c] * wa[o][fy][fx][c];
        }
  return out;
}

TfliteOptions convOptions(bool same, int stride) {
  TfliteOptions o;
  o.padding = same ? TflitePadding::Same : TflitePadding::Valid;
  o.strideW = o.strideH = stride;
  return o;
}

double meanAbs(const torch::Tensor& a, const torch::Tensor& b) {
  return (a.to(torch::kCPU, torch::kFloat64) - b.to(torch::kCPU, torch::kFloat64)).abs().mean().item<double>();
}

double percentileAbs(const torch::Tensor& a, const torch::Tensor& b, double q) {
  auto e = (a.to(torch::kCPU, torch::kFloat64) - b.to(torch::kCPU, torch::kFloat64)).abs().flatten().sort();
  auto sorted = std::get<0>(e);
  const int64_t i = std::min<int64_t>(sorted.numel() - 1, static_cast<int64_t>(std::ceil(q * sorted.numel())) - 1);
  return sorted[i].item<double>();
}

}  // namespace

// ---- reader ------------------------------------------------------------------------------------

TEST(TfliteModel, ReadsBothSelfieModels) {
  REQUIRE_MODEL(SelfieModel::General);
  REQUIRE_MODEL(SelfieModel::Landscape);
  struct Expect {
    SelfieModel model;
    const char* description;
    std::vector<int64_t> input, output;
    const char* outputName;
    size_t tensors, buffers;
    const char* pooling;
  };
  const Expect expects[] = {
      {SelfieModel::General, "keras2tflite_selfiesegmentation_mlkit-256x256-2021_01_19-v1215.tflite.generated",
       {1, 256, 256, 3}, {1, 256, 256, 1}, "activation_10", 360, 116, "AVERAGE_POOL_2D"},
      {SelfieModel::Landscape, "keras2tflite_meet_1655.tflite.generated", {1, 144, 256, 3}, {1, 144, 256, 1},
       "segment_back", 370, 126, "MEAN"},
  };
  for (const auto& e : expects) {
    const TfliteModel m = readTfliteModel(modelPath(e.model));
    const auto& g = m.mainGraph();
    EXPECT_EQ(m.version, 3u);
    EXPECT_EQ(m.description, e.description);
    EXPECT_EQ(m.subgraphs.size(), 1u);
    EXPECT_EQ(g.tensors.size(), e.tensors);
    EXPECT_EQ(m.buffers.size(), e.buffers);
    ASSERT_EQ(g.inputs.size(), 1u);
    ASSERT_EQ(g.outputs.size(), 1u);
    EXPECT_EQ(g.tensors[g.inputs[0]].name, "input_1");
    EXPECT_EQ(g.tensors[g.inputs[0]].shape, e.input);
    EXPECT_EQ(g.tensors[g.outputs[0]].name, e.outputName);
    EXPECT_EQ(g.tensors[g.outputs[0]].shape, e.output);
    EXPECT_EQ(g.operators.size(), 246u);
    const auto counts = operatorCounts(m);
    EXPECT_EQ(counts.at("CONV_2D"), 43);
    EXPECT_EQ(counts.at("DEPTHWISE_CONV_2D"), 11);
    EXPECT_EQ(counts.at("HARD_SWISH"), 11);
    EXPECT_EQ(counts.at("RELU"), 22);
    EXPECT_EQ(counts.at(e.pooling), 10);
    EXPECT_EQ(counts.at("LOGISTIC"), 11);
    EXPECT_EQ(counts.at("MUL"), 10);
    EXPECT_EQ(counts.at("ADD"), 14);
    EXPECT_EQ(counts.at("RESIZE_BILINEAR"), 3);
    EXPECT_EQ(counts.at("custom operator 'Convolution2DTransposeBias'"), 1);
    EXPECT_EQ(counts.at("DEQUANTIZE"), 110);
    // 106,401 weights, all float16; the only other constants are int32 sizes and axes.
    int64_t halfValues = 0;
    for (const auto& t : g.tensors) {
      if (!m.isConstant(t)) continue;
      ASSERT_TRUE(t.type == TfliteType::Float16 || t.type == TfliteType::Int32) << t.name;
      if (t.type == TfliteType::Float16) halfValues += static_cast<int64_t>(m.floatData(t).size());
    }
    EXPECT_EQ(halfValues, 106401);
    // The custom op's raw options: {padding SAME (1), stride_w 2, stride_h 2}.
    for (const auto& op : g.operators) {
      if (op.builtinCode != tflite_op::Custom) continue;
      const auto options = m.customOptions(op);
      ASSERT_EQ(options.size(), 12u);
      int32_t raw[3];
      std::memcpy(raw, options.data(), 12);
      EXPECT_EQ(raw[0], 1);
      EXPECT_EQ(raw[1], 2);
      EXPECT_EQ(raw[2], 2);
    }
  }
}

TEST(TfliteModel, ConvertsHalfFloatsExactly) {
  EXPECT_EQ(halfToFloat(0x3C00), 1.0f);
  EXPECT_EQ(halfToFloat(0xC000), -2.0f);
  EXPECT_EQ(halfToFloat(0x7BFF), 65504.0f);
  EXPECT_EQ(halfToFloat(0x0001), std::ldexp(1.0f, -24));  // smallest subnormal
  EXPECT_EQ(halfToFloat(0x03FF), std::ldexp(1023.0f, -24));
  EXPECT_EQ(halfToFloat(0x3555), 0.333251953125f);
  EXPECT_TRUE(std::signbit(halfToFloat(0x8000)));
  EXPECT_TRUE(std::isinf(halfToFloat(0x7C00)));
  EXPECT_TRUE(std::isnan(halfToFloat(0x7E00)));
  // Against LibTorch's conversion for every finite half value.
  auto all = torch::arange(0, 65536, torch::kInt32).to(torch::kInt16).view(torch::kFloat16).to(torch::kFloat32);
  auto a = all.accessor<float, 1>();
  for (int h = 0; h < 65536; ++h) {
    if (std::isfinite(a[h])) {
      ASSERT_EQ(halfToFloat(static_cast<uint16_t>(h)), a[h]) << h;
    }
  }
}

TEST(TfliteModel, RejectsTruncatedFiles) {
  REQUIRE_MODEL(SelfieModel::General);
  const auto original = readBytes(modelPath(SelfieModel::General));
  for (size_t length : {size_t{0}, size_t{3}, size_t{7}, size_t{8}, size_t{64}, size_t{1000}, size_t{10000},
                        original.size() / 3, original.size() / 2, original.size() - 4096, original.size() - 100}) {
    std::vector<uint8_t> cut(original.begin(), original.begin() + length);
    EXPECT_THROW(parse(cut), Error) << "truncated at " << length;
  }
  EXPECT_THROW(readTfliteModel(fs::path(PANOCAST_SOURCE_DIR) / "missing.tflite"), Error);
}

TEST(TfliteModel, RejectsCorruptedOffsetsAndIndices) {
  REQUIRE_MODEL(SelfieModel::General);
  const auto original = readBytes(modelPath(SelfieModel::General));
  auto corrupt = [&](auto&& edit) {
    std::vector<uint8_t> bytes = original;
    Flat f{bytes};
    edit(f);
    return bytes;
  };
  // Positions of the things to break, found by walking the real file.
  std::vector<uint8_t> probe = original;
  Flat f{probe};
  const size_t model = f.root();
  const size_t subgraph = f.element(f.field(model, 2), 0);
  const size_t tensors = f.field(subgraph, 0);
  const size_t operators = f.field(subgraph, 3);
  const size_t firstOp = f.element(operators, 0);
  size_t constantTensor = 0;
  for (uint32_t i = 0; !constantTensor; ++i) {
    const size_t t = f.element(tensors, i);
    if (f.field(t, 2) && f.u32(f.field(t, 2)) != 0) constantTensor = t;
  }

  expectRejected(corrupt([](Flat& x) { x.put32(0, 0xFFFFFF00u); }), "past the end", "root offset");
  expectRejected(corrupt([](Flat& x) { x.b[4] = 'X'; }), "TFL3", "identifier");
  expectRejected(corrupt([&](Flat& x) { x.put32(model, 0x7FFFFFF0u); }), "vtable", "root soffset");
  expectRejected(corrupt([&](Flat& x) { x.b[f.vtable(model)] = 3; x.b[f.vtable(model) + 1] = 0; }), "vtable",
                 "vtable size 3");
  expectRejected(corrupt([&](Flat& x) { x.put32(f.field(model, 0), 2); }), "schema version", "version 2");
  expectRejected(corrupt([&](Flat& x) { x.put32(f.deref(f.field(model, 2)), 0x10000000u); }), "more than the file",
                 "subgraph count");
  expectRejected(corrupt([&](Flat& x) { x.put32(f.field(subgraph, 0), 0x7FFFFFFFu); }), "past the end",
                 "tensor list offset");
  expectRejected(corrupt([&](Flat& x) { x.put32(f.field(constantTensor, 2), 0xFFFFu); }), "buffer",
                 "buffer index");
  expectRejected(corrupt([&](Flat& x) { x.put32(f.field(firstOp, 0), 1000); }), "op code", "opcode index");
  expectRejected(corrupt([&](Flat& x) { x.put32(f.deref(f.field(firstOp, 1)) + 4, 100000); }), "refers to tensor",
                 "operator input index");
  expectRejected(corrupt([&](Flat& x) { x.put32(f.deref(f.field(subgraph, 2)) + 4, 0x80000000u); }),
                 "refers to tensor", "graph output index");
  expectRejected(corrupt([&](Flat& x) {
                   const size_t shape = f.deref(f.field(constantTensor, 0));
                   x.put32(shape + 4, f.u32(shape + 4) * 2);
                 }),
                 "bytes of data", "shape not matching the data");
  expectRejected(corrupt([&](Flat& x) {
                   const size_t shape = f.deref(f.field(constantTensor, 0));
                   x.put32(shape + 4, 0xFFFFFFFFu);
                 }),
                 "negative dimension", "dimension -1");
}

TEST(TfliteModel, SurvivesRandomMutations) {
  REQUIRE_MODEL(SelfieModel::Landscape);
  const auto original = readBytes(modelPath(SelfieModel::Landscape));
  std::mt19937_64 random(20261201);
  int rejected = 0, accepted = 0;
  for (int round = 0; round < 1500; ++round) {
    std::vector<uint8_t> bytes = original;
    const int edits = 1 + static_cast<int>(random() % 4);
    for (int e = 0; e < edits; ++e) {
      const size_t at = random() % bytes.size();
      switch (random() % 4) {
        case 0: bytes[at] = static_cast<uint8_t>(random()); break;
        case 1: bytes[at] ^= static_cast<uint8_t>(1 << (random() % 8)); break;
        case 2: {  // a plausible-looking but wrong offset or count
          const uint32_t v = static_cast<uint32_t>(random() % (2 * bytes.size()));
          if (at + 4 <= bytes.size()) std::memcpy(&bytes[at], &v, 4);
          break;
        }
        case 3: bytes.resize(std::max<size_t>(1, random() % bytes.size())); break;
      }
    }
    try {
      const TfliteModel m = parse(bytes);
      ++accepted;
      // Whatever parses must also lower to a graph or be refused with a clear error.
      if (round % 4 == 0) {
        try {
          TfliteGraph graph(m);
        } catch (const Error&) {
        }
      }
    } catch (const Error&) {
      ++rejected;
    }
  }
  std::cout << "mutations: " << rejected << " rejected, " << accepted << " accepted\n";
  EXPECT_GT(rejected, 100);
}

// ---- operators ---------------------------------------------------------------------------------

TEST(TfliteGraph, ConvolutionsPadLikeTflite) {
  torch::manual_seed(1);
  for (bool depthwise : {false, true})
    for (bool same : {true, false})
      for (int stride : {1, 2})
        for (int k : {1, 3, 5}) {
          const int64_t C = 3, O = depthwise ? 3 : 4;
          auto x = torch::rand({1, 8, 6, C}) * 2 - 1;
          auto filter = depthwise ? torch::rand({1, k, k, C}) - 0.5 : torch::rand({O, k, k, C}) - 0.5;
          auto bias = torch::rand({O});
          TinyModel t;
          const int in = t.activation("x", {1, 8, 6, C});
          const int f = t.halfConstant("filter16", filter), b = t.constant("bias", bias);
          const int fd = t.activation("filter", filter.sizes().vec());
          const int out = t.activation("y", {1, 0, 0, O});
          t.op(tflite_op::Dequantize, {f}, {fd});
          TfliteOptions options = convOptions(same, stride);
          options.depthMultiplier = depthwise ? 1 : 0;
          t.op(depthwise ? tflite_op::DepthwiseConv2D : tflite_op::Conv2D, {in, fd, b}, {out}, options);
          TfliteGraph graph(t.build({in}, {out}));
          const auto expected =
              convReference(x, filter.to(torch::kFloat16).to(torch::kFloat32), bias, stride, same, depthwise);
          EXPECT_ALLCLOSE(graph.run(x), expected, 1e-5, 1e-5)
              << (depthwise ? "depthwise" : "conv") << " same=" << same << " stride=" << stride << " k=" << k;
        }
}

TEST(TfliteGraph, TransposeConvBiasMatchesMediaPipeDefinition) {
  torch::manual_seed(2);
  for (int k : {2, 3})
    for (int64_t H : {4, 5}) {
      auto x = torch::rand({1, H, 3, 5}) - 0.5;
      auto w = torch::rand({2, k, k, 5}) - 0.5;
      auto bias = torch::rand({2});
      TinyModel t;
      const int in = t.activation("x", {1, H, 3, 5});
      const int wi = t.constant("w", w), bi = t.constant("b", bias), out = t.activation("y", {1, 0, 0, 2});
      t.op(tflite_op::Custom, {in, wi, bi}, {out}, {}, "Convolution2DTransposeBias", {1, 2, 2});
      TfliteGraph graph(t.build({in}, {out}));
      EXPECT_ALLCLOSE(graph.run(x), transposeReference(x, w, bias, 2), 1e-5, 1e-5) << "k=" << k << " H=" << H;
    }
}

TEST(TfliteGraph, ResizeBilinearFollowsTfliteCoordinates) {
  torch::manual_seed(3);
  auto x = torch::rand({1, 5, 7, 2});
  for (auto [oh, ow] : std::vector<std::pair<int, int>>{{10, 14}, {3, 4}, {9, 16}})
    for (int mode = 0; mode < 3; ++mode) {
      const bool align = mode == 1, half = mode == 2;
      TinyModel t;
      const int in = t.activation("x", {1, 5, 7, 2}), size = t.ints("size", {oh, ow}), out = t.activation("y", {1, oh, ow, 2});
      TfliteOptions o;
      o.alignCorners = align;
      o.halfPixelCenters = half;
      t.op(tflite_op::ResizeBilinear, {in, size}, {out}, o);
      TfliteGraph graph(t.build({in}, {out}));
      // Direct loop of the reference kernel: src = dst·scale (+ the half-pixel shift), clamped.
      auto expected = torch::zeros({1, oh, ow, 2});
      auto xa = x.accessor<float, 4>();
      auto ea = expected.accessor<float, 4>();
      auto coordinate = [&](int o, int in, int out) {
        const double scale = align && out > 1 ? double(in - 1) / (out - 1) : double(in) / out;
        const double src = half ? (o + 0.5) * scale - 0.5 : o * scale;
        const double clamped = std::clamp(src, 0.0, double(in - 1));
        const int lo = static_cast<int>(std::floor(clamped));
        return std::tuple<int, int, double>{lo, std::min(lo + 1, in - 1), clamped - lo};
      };
      for (int y = 0; y < oh; ++y)
        for (int xx = 0; xx < ow; ++xx) {
          const auto [y0, y1, wy] = coordinate(y, 5, oh);
          const auto [x0, x1, wx] = coordinate(xx, 7, ow);
          for (int c = 0; c < 2; ++c)
            ea[0][y][xx][c] = static_cast<float>((1 - wy) * ((1 - wx) * xa[0][y0][x0][c] + wx * xa[0][y0][x1][c]) +
                                                 wy * ((1 - wx) * xa[0][y1][x0][c] + wx * xa[0][y1][x1][c]));
        }
      EXPECT_ALLCLOSE(graph.run(x), expected, 1e-5, 1e-5) << "mode " << mode << " " << oh << "x" << ow;
    }
  // Half-pixel centres are LibTorch's align_corners=false (live.md §2.5).
  auto nchw = torch::rand({1, 3, 9, 16});
  EXPECT_ALLCLOSE(resizeBilinearTflite(nchw, 18, 32, false, true),
                  torch::upsample_bilinear2d(nchw, {18, 32}, false), 1e-6, 1e-6);
}

TEST(TfliteGraph, PoolingElementwiseAndActivations) {
  torch::manual_seed(4);
  auto x = torch::rand({1, 4, 6, 3}) * 8 - 4;
  auto scale = torch::rand({3});
  TinyModel t;
  const int in = t.activation("x", {1, 4, 6, 3});
  const int hs = t.activation("hswish", {1, 4, 6, 3}), pooled = t.activation("avg", {1, 1, 1, 3});
  const int mean = t.activation("mean", {1, 1, 1, 3}), gate = t.activation("gate", {1, 1, 1, 3});
  const int prod = t.activation("prod", {1, 4, 6, 3}), sum = t.activation("sum", {1, 4, 6, 3});
  const int scaled = t.activation("scaled", {1, 4, 6, 3}), out = t.activation("out", {1, 4, 6, 3});
  const int axes = t.ints("axes", {1, 2}), scaleTensor = t.constant("scale", scale);
  t.op(tflite_op::HardSwish, {in}, {hs});
  TfliteOptions pool = convOptions(false, 1);
  pool.filterH = 4;
  pool.filterW = 6;
  t.op(tflite_op::AveragePool2D, {hs}, {pooled}, pool);
  TfliteOptions keep;
  keep.keepDims = true;
  t.op(tflite_op::Mean, {hs, axes}, {mean}, keep);
  t.op(tflite_op::Logistic, {mean}, {gate});
  t.op(tflite_op::Mul, {hs, gate}, {prod});
  TfliteOptions relu6;
  relu6.activation = TfliteActivation::Relu6;
  t.op(tflite_op::Add, {prod, pooled}, {sum}, relu6);
  t.op(tflite_op::Mul, {sum, scaleTensor}, {scaled});  // [C] constant broadcast against NHWC
  t.op(tflite_op::Relu, {scaled}, {out});
  TfliteGraph graph(t.build({in}, {out, pooled}));
  const auto outputs = graph.run(std::vector<at::Tensor>{x});
  auto h = x * torch::clamp(x + 3, 0, 6) / 6;
  auto avg = h.mean({1, 2}, true);
  auto expected = torch::relu(torch::clamp(h * torch::sigmoid(avg) + avg, 0, 6) * scale);
  EXPECT_ALLCLOSE(outputs[0], expected, 1e-5, 1e-5);
  EXPECT_ALLCLOSE(outputs[1], avg, 1e-6, 1e-5);
}

TEST(TfliteGraph, SamePaddedAveragePoolCountsOnlyImagePixels) {
  auto x = torch::arange(1, 17, torch::kFloat32).view({1, 4, 4, 1});
  TinyModel t;
  const int in = t.activation("x", {1, 4, 4, 1}), out = t.activation("y", {1, 2, 2, 1});
  TfliteOptions o = convOptions(true, 2);
  o.filterH = o.filterW = 3;
  t.op(tflite_op::AveragePool2D, {in}, {out}, o);
  TfliteGraph graph(t.build({in}, {out}));
  // Padding 0 before and 1 after: windows rows/cols {0..2} and {2,3}.
  auto expected = torch::tensor({(1 + 2 + 3 + 5 + 6 + 7 + 9 + 10 + 11) / 9.0f, (3 + 4 + 7 + 8 + 11 + 12) / 6.0f,
                                 (9 + 10 + 11 + 13 + 14 + 15) / 6.0f, (11 + 12 + 15 + 16) / 4.0f})
                      .view({1, 2, 2, 1});
  EXPECT_ALLCLOSE(graph.run(x), expected, 1e-6, 1e-6);
}

TEST(TfliteGraph, UnsupportedOperatorsAreNamed) {
  auto build = [](int code, const std::string& custom) {
    TinyModel t;
    const int in = t.activation("x", {1, 2, 2, 1}), out = t.activation("y", {1, 1, 1, 1});
    t.op(code, {in}, {out}, {}, custom);
    return t.build({in}, {out});
  };
  try {
    TfliteGraph graph(build(tflite_op::MaxPool2D, ""));
    ADD_FAILURE() << "MAX_POOL_2D accepted";
  } catch (const Error& e) {
    EXPECT_NE(std::string(e.what()).find("MAX_POOL_2D"), std::string::npos) << e.what();
  }
  try {
    TfliteGraph graph(build(tflite_op::Custom, "MaxPoolingWithArgmax2D"));
    ADD_FAILURE() << "unknown custom op accepted";
  } catch (const Error& e) {
    EXPECT_NE(std::string(e.what()).find("MaxPoolingWithArgmax2D"), std::string::npos) << e.what();
  }
  // Reading a tensor no operator has written yet (operators out of order).
  TinyModel t;
  const int in = t.activation("x", {1, 2, 2, 1}), mid = t.activation("mid", {1, 2, 2, 1});
  const int out = t.activation("y", {1, 2, 2, 1});
  t.op(tflite_op::Relu, {mid}, {out});
  t.op(tflite_op::Relu, {in}, {mid});
  EXPECT_THROW(TfliteGraph(t.build({in}, {out})), Error);
}

// ---- the real models against Google's runtime -----------------------------------------------

namespace {

struct Golden {
  const char* model;       // "general" / "landscape"
  SelfieModel variant;
};

const Golden kGoldens[] = {{"general", SelfieModel::General}, {"landscape", SelfieModel::Landscape}};
const char* const kImages[] = {"astronaut", "chelsea"};

}  // namespace

TEST(SelfieSegmentation, ModelOutputsMatchMediaPipeRuntime) {
  SafetensorsFile golden(test::fixture("selfie/selfie_golden.safetensors"));
  for (const auto& g : kGoldens) {
    REQUIRE_MODEL(g.variant);
    SelfieSegmenter segmenter(modelPath(g.variant));
    for (const char* image : kImages) {
      const std::string key = std::string(image) + "." + g.model;
      const auto input = golden.tensor(key + ".input");
      const auto expected = golden.tensor(key + ".output");
      ASSERT_EQ(input.sizes(), (std::vector<int64_t>{segmenter.inputHeight(), segmenter.inputWidth(), 3})) << key;
      ASSERT_EQ(expected.sizes(), (std::vector<int64_t>{segmenter.inputHeight(), segmenter.inputWidth()})) << key;
      const auto output = segmenter.run(input);
      ASSERT_EQ(output.sizes(), expected.sizes());
      EXPECT_TRUE(torch::isfinite(output).all().item<bool>());
      EXPECT_GE(output.min().item<float>(), 0.0f);
      EXPECT_LE(output.max().item<float>(), 1.0f);
      const double mae = meanAbs(output, expected), p99 = percentileAbs(output, expected, 0.99);
      std::cout << key << ": output MAE " << mae << ", p99 " << p99 << ", max "
                << (output - expected).abs().max().item<double>() << "\n";
      EXPECT_LE(mae, 1e-3) << key;
      EXPECT_LE(p99, 2e-2) << key;
    }
  }
}

TEST(SelfieSegmentation, RawMaskMatchesMediaPipeRuntime) {
  SafetensorsFile golden(test::fixture("selfie/selfie_golden.safetensors"));
  for (const auto& g : kGoldens) {
    REQUIRE_MODEL(g.variant);
    SelfieSegmenter segmenter(modelPath(g.variant));
    for (const char* image : kImages) {
      const std::string key = std::string(image) + "." + g.model;
      const ImageU8 rgb = readImageU8(test::fixture(std::string("selfie/") + image + ".png"), 3);
      // The input we build from the PNG against the tensor MediaPipe fed the model.
      const auto input = segmenter.prepareInput(rgb);
      const auto goldenInput = golden.tensor(key + ".input");
      const double inputMae = meanAbs(input, goldenInput);
      const double inputMax = (input - goldenInput).abs().max().item<double>();
      EXPECT_LE(inputMae, 1.0 / 255) << key;

      const ImageU8 mask = segmenter.rawMask(rgb);
      ASSERT_EQ(mask.channels, 1);
      const auto expected = golden.tensor(key + ".mask_u8_at_input_size");
      ASSERT_EQ(expected.sizes(), (std::vector<int64_t>{rgb.height, rgb.width})) << key;
      const auto actual = torch::from_blob(const_cast<uint8_t*>(mask.pixels.data()), {mask.height, mask.width},
                                           torch::kUInt8).to(torch::kFloat32);
      const double mae = meanAbs(actual, expected);
      std::cout << key << ": input MAE " << inputMae << " (max " << inputMax << "), 8-bit mask MAE " << mae
                << " levels (max " << (actual - expected).abs().max().item<double>() << ")\n";
      EXPECT_LE(mae, 1.0) << key << " (mean within 1/255)";
    }
  }
}

TEST(SelfieSegmentation, CudaMatchesCpu) {
  REQUIRE_MODEL(SelfieModel::General);
  if (!torch::cuda::is_available()) GTEST_SKIP() << "no CUDA device";
  SafetensorsFile golden(test::fixture("selfie/selfie_golden.safetensors"));
  const auto input = golden.tensor("astronaut.general.input");
  SelfieSegmenter cpu(modelPath(SelfieModel::General));
  SelfieSegmenter cuda(modelPath(SelfieModel::General), c10::Device(c10::kCUDA));
  const auto a = cpu.run(input), b = cuda.run(input);
  EXPECT_TRUE(b.is_cuda());
  // LibTorch's default TF32 in cuDNN convolutions costs about 2e-4 of MAE (1e-7 without it,
  // measured on an H200), so the golden tolerance applies rather than an fp32 one.
  EXPECT_LE(meanAbs(a, b), 1e-3);
  EXPECT_LE(percentileAbs(a, b, 0.99), 2e-2);
}

TEST(SelfieSegmentation, MissingModelSaysHowToGetIt) {
  try {
    SelfieSegmenter missing(fs::path(PANOCAST_SOURCE_DIR) / "data" / "models" / "nothing" / "selfie.tflite");
    ADD_FAILURE() << "accepted a missing file";
  } catch (const Error& e) {
    EXPECT_NE(std::string(e.what()).find("setup.sh"), std::string::npos) << e.what();
  }
}
