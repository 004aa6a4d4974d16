// The safe checkpoint reader on files built here the way torch.save and Lightning write them:
// zip and legacy containers, shared and strided storages, Lightning's extra entries — and hostile
// or damaged files, which must fail with a clear error and never run anything.
#include <gtest/gtest.h>
#include <torch/torch.h>

#include <fstream>

#include "io/safe_unpickler.h"
#include "io/torch_checkpoint.h"
#include "runtime/error.h"
#include "support/fixtures.h"
#include "support/pickle_writer.h"

using namespace panocast;
using test::PickleWriter;
namespace fs = std::filesystem;

namespace {

std::map<std::string, at::Tensor> sampleTensors() {
  torch::manual_seed(3);
  return {{"conv.weight", torch::randn({4, 3, 3, 3})},
          {"conv.bias", torch::randn({4})},
          {"norm.running_mean", torch::randn({4}).to(torch::kHalf)},
          {"norm.num_batches_tracked", torch::tensor(17, torch::kLong)},
          {"proj.weight", torch::randn({2, 5}).to(torch::kBFloat16)}};
}

void expectSameTensors(const std::map<std::string, at::Tensor>& actual, const std::map<std::string, at::Tensor>& expected) {
  ASSERT_EQ(actual.size(), expected.size());
  for (const auto& [name, t] : expected) {
    ASSERT_TRUE(actual.count(name)) << name;
    EXPECT_EQ(actual.at(name).scalar_type(), t.scalar_type()) << name;
    EXPECT_EQ(actual.at(name).sizes(), t.sizes()) << name;
    EXPECT_TRUE(torch::equal(actual.at(name), t)) << name;
  }
}

// Reads `pickle` (a complete pickle) and expects an Error whose message contains `needle`.
void expectRefused(const PickleWriter& pickle, const std::string& needle) {
  const auto& d = pickle.data();
  try {
    unpickleSafely(reinterpret_cast<const uint8_t*>(d.data()), d.size());
    ADD_FAILURE() << "accepted a pickle that should be refused (" << needle << ")";
  } catch (const Error& e) {
    EXPECT_NE(std::string(e.what()).find(needle), std::string::npos) << e.what();
  }
}

// A Lightning checkpoint's top level: counters, the state_dict, Adam state, AttributeDict
// hyper-parameters with torch.Size/device/dtype, an argparse.Namespace and a numpy scalar.
PickleWriter lightningPickle(const std::map<std::string, at::Tensor>& tensors) {
  PickleWriter w;
  w.proto().dictBegin();
  w.str("epoch").integer(9).str("global_step").integer(123456).str("pytorch-lightning_version").str("1.5.0");
  w.str("state_dict").orderedDictBegin();
  for (const auto& [name, t] : tensors) w.str(name).tensor(t);
  w.dictEnd();
  // Adam state keyed by parameter index, param groups with tuples and floats.
  w.str("optimizer_states").listBegin().dictBegin();
  w.str("state").dictBegin().integer(0).dictBegin().str("step").integer(10).str("exp_avg").tensor(torch::ones({4})).dictEnd().dictEnd();
  w.str("param_groups").listBegin().dictBegin().str("lr").real(2e-4).str("betas").mark().real(0.9).real(0.999).tuple();
  w.str("params").listBegin().integer(0).listEnd().dictEnd().listEnd();
  w.dictEnd().listEnd();
  // Lightning's AttributeDict (a dict subclass: NEWOBJ, items, then its empty __dict__).
  w.str("hyper_parameters").global("pytorch_lightning.utilities.parsing", "AttributeDict").emptyTuple().newObject();
  w.mark().str("lr").real(2e-4).str("size").global("torch", "Size").mark().mark().integer(512).integer(512).tuple().tuple().reduce();
  w.str("device").global("torch", "device").mark().str("cuda").integer(0).tuple().reduce();
  w.str("dtype").global("torch", "float16");
  w.setItems().dictBegin().dictEnd().build();
  // argparse.Namespace and a numpy float64 (as callbacks and hparams hold them).
  w.str("args").global("argparse", "Namespace").emptyTuple().newObject().dictBegin().str("batch_size").integer(1).dictEnd().build();
  w.str("best_score").global("numpy.core.multiarray", "scalar");
  w.mark().global("numpy", "dtype").mark().str("f8").boolean(false).boolean(true).tuple().reduce();
  w.mark().integer(3).str("<").none().none().none().integer(-1).integer(-1).integer(0).tuple().build();
  double score = 0.25;
  w.bytes(std::string(reinterpret_cast<const char*>(&score), 8)).tuple().reduce();
  w.dictEnd().stop();
  return w;
}

}  // namespace

TEST(TorchCheckpoint, ZipStateDictRoundTrip) {
  const auto dir = test::scratchDir("checkpoint_zip");
  const auto tensors = sampleTensors();
  test::writeTorchZip(dir / "model.pth", test::stateDictPickle(tensors));
  TorchCheckpoint checkpoint(dir / "model.pth");
  EXPECT_EQ(checkpoint.format(), "zip");
  expectSameTensors(checkpoint.stateDict(), tensors);
}

TEST(TorchCheckpoint, LegacyStateDictRoundTrip) {
  const auto dir = test::scratchDir("checkpoint_legacy");
  const auto tensors = sampleTensors();
  test::writeTorchLegacy(dir / "model.pth", test::stateDictPickle(tensors, /*legacy=*/true));
  TorchCheckpoint checkpoint(dir / "model.pth");
  EXPECT_EQ(checkpoint.format(), "legacy");
  expectSameTensors(checkpoint.stateDict(), tensors);
}

TEST(TorchCheckpoint, SharedStridedAndOffsetViewsOfOneStorage) {
  const auto dir = test::scratchDir("checkpoint_views");
  const auto storage = torch::arange(24, torch::kFloat);
  PickleWriter w;
  w.proto().orderedDictBegin();
  w.str("a").tensorView("0", storage, 0, {2, 3}, {3, 1});
  w.str("b").tensorView("0", storage, 6, {3, 2}, {1, 3});  // transposed (non-contiguous)
  w.str("c").tensorView("0", storage, 23, {}, {});         // a 0-d scalar at the end
  w.str("d").tensorView("0", storage, 24, {0}, {1});       // empty, at the very end
  w.dictEnd().stop();
  test::writeTorchZip(dir / "views.pt", w);
  const auto loaded = TorchCheckpoint(dir / "views.pt").stateDict();
  EXPECT_TRUE(torch::equal(loaded.at("a"), storage.slice(0, 0, 6).view({2, 3})));
  EXPECT_TRUE(torch::equal(loaded.at("b"), storage.slice(0, 6, 12).view({2, 3}).t()));
  EXPECT_EQ(loaded.at("c").dim(), 0);
  EXPECT_EQ(loaded.at("c").item<float>(), 23.0f);
  EXPECT_EQ(loaded.at("d").numel(), 0);
}

TEST(TorchCheckpoint, LightningCheckpointKeepsPlainDataAndFindsTheStateDict) {
  const auto dir = test::scratchDir("checkpoint_lightning");
  const auto tensors = sampleTensors();
  const auto w = lightningPickle(tensors);
  test::writeTorchZip(dir / "last.ckpt", w);

  TorchCheckpoint checkpoint(dir / "last.ckpt");
  const auto keys = checkpoint.topLevelKeys();
  EXPECT_EQ(keys, (std::vector<std::string>{"epoch", "global_step", "pytorch-lightning_version", "state_dict",
                                            "optimizer_states", "hyper_parameters", "args", "best_score"}));
  expectSameTensors(checkpoint.stateDict(), tensors);
  const auto& doc = checkpoint.document();
  EXPECT_EQ(doc.find(doc.root, "global_step")->integer, 123456);
  EXPECT_DOUBLE_EQ(doc.find(doc.root, "best_score")->real, 0.25);
  const auto hp = doc.findId(doc.root, "hyper_parameters");
  EXPECT_EQ(doc.find(hp, "device")->text, "cuda:0");
  EXPECT_EQ(doc.at(doc.findId(hp, "size")).items.size(), 2u);
}

TEST(TorchCheckpoint, RefusesCodeExecutionAndRunsNothing) {
  const auto marker = test::scratchDir("checkpoint_malicious") / "pwned";
  const std::string command = "touch " + marker.string();
  {
    PickleWriter w;  // the classic: os.system("...") through GLOBAL + REDUCE
    w.proto().global("os", "system").mark().str(command).tuple().reduce().stop();
    expectRefused(w, "refusing 'os.system'");
  }
  {
    PickleWriter w;  // the same through protocol 4's STACK_GLOBAL, hidden inside a state_dict
    w.proto(4).orderedDictBegin().str("weight").stackGlobal("builtins", "eval").mark().str("__import__('os')").tuple().reduce();
    w.dictEnd().stop();
    expectRefused(w, "refusing 'builtins.eval'");
  }
  {
    PickleWriter w;  // posix.system, subprocess.Popen, torch.load: none are on the list
    w.proto().global("subprocess", "Popen").stop();
    expectRefused(w, "subprocess.Popen");
  }
  {
    PickleWriter w;  // an allowed name that is not a function may not be called
    w.proto().global("torch", "FloatStorage").mark().integer(10).tuple().reduce().stop();
    expectRefused(w, "may not be called");
  }
  {
    PickleWriter w;  // INST instantiates a class by name
    w.proto().mark().op('i').raw("os\nsystem\n").stop();
    expectRefused(w, "INST");
  }
  {
    PickleWriter w;  // BUILD on a list would be setattr on an arbitrary object
    w.proto().listBegin().listEnd().dictBegin().dictEnd().build().stop();
    expectRefused(w, "cannot set the state");
  }
  // The refusal also reaches users through the container reader, naming the file.
  PickleWriter w;
  w.proto().global("posix", "system").mark().str(command).tuple().reduce().stop();
  const auto path = marker.parent_path() / "evil.ckpt";
  test::writeTorchZip(path, w);
  try {
    TorchCheckpoint checkpoint(path);
    ADD_FAILURE() << "a malicious checkpoint was accepted";
  } catch (const Error& e) {
    EXPECT_NE(std::string(e.what()).find("evil.ckpt"), std::string::npos) << e.what();
    EXPECT_NE(std::string(e.what()).find("posix.system"), std::string::npos) << e.what();
  }
  EXPECT_FALSE(fs::exists(marker)) << "the pickle's command ran";
}

TEST(TorchCheckpoint, MalformedPicklesFailCleanly) {
  PickleWriter w = test::stateDictPickle(sampleTensors());
  const auto& d = w.data();
  // Every truncation of a valid pickle is an error, never a crash.
  for (size_t n = 0; n < d.size(); ++n) {
    EXPECT_THROW(unpickleSafely(reinterpret_cast<const uint8_t*>(d.data()), n), Error) << n;
  }
  expectRefused(PickleWriter().proto().get(7).stop(), "unknown memo entry");
  expectRefused(PickleWriter().proto().op('R').stop(), "stack underflow");
  expectRefused(PickleWriter().proto().op('u').stop(), "MARK expected");
  expectRefused(PickleWriter().proto(9).none().stop(), "protocol 9");
  expectRefused(PickleWriter().proto().op(0xff).stop(), "unsupported pickle instruction 0xff");
  {
    PickleWriter p;  // a tensor whose view reaches past its storage is caught when read
    p.proto().orderedDictBegin().str("w").tensorView("0", torch::zeros({4}), 2, {3}, {1}).dictEnd().stop();
    const auto zip = test::torchZipBytes(p);
    TorchCheckpoint checkpoint(reinterpret_cast<const uint8_t*>(zip.data()), zip.size(), "bad.pt");
    EXPECT_THROW(checkpoint.stateDict(), Error);
  }
  {
    // A dictionary that contains itself: traversals stop with an error.
    PickleWriter p;
    p.proto().op('}').put(0).str("self").get(0).op('s').stop();
    const auto& data = p.data();
    const auto doc = unpickleSafely(reinterpret_cast<const uint8_t*>(data.data()), data.size());
    EXPECT_THROW(doc.tensorsUnder(doc.root), Error);
  }
}

TEST(TorchCheckpoint, DamagedContainersFailCleanly) {
  const auto dir = test::scratchDir("checkpoint_damaged");
  const auto pickle = test::stateDictPickle(sampleTensors());
  const auto zip = test::torchZipBytes(pickle);
  const auto* bytes = reinterpret_cast<const uint8_t*>(zip.data());
  // Truncated archives.
  for (size_t n : {size_t(0), size_t(3), size_t(30), zip.size() / 2, zip.size() - 1}) {
    EXPECT_THROW(TorchCheckpoint(bytes, n, "cut.pt").stateDict(), Error) << n;
  }
  // A flipped byte in the stored tensor data is caught by the zip's CRC.
  const auto weights = sampleTensors().at("conv.weight");
  const std::string weightBytes(static_cast<const char*>(weights.data_ptr()), weights.numel() * 4);
  const auto found = zip.find(weightBytes);
  ASSERT_NE(found, std::string::npos);
  std::string damaged = zip;
  damaged[found + 50] = static_cast<char>(damaged[found + 50] ^ 0x5a);
  EXPECT_THROW(TorchCheckpoint(reinterpret_cast<const uint8_t*>(damaged.data()), damaged.size(), "crc.pt").stateDict(), Error);
  // Not a checkpoint at all, and a safetensors file given by mistake.
  const std::string text = "hello, I am not a checkpoint";
  EXPECT_THROW(TorchCheckpoint(reinterpret_cast<const uint8_t*>(text.data()), text.size(), "x.pt"), Error);
  EXPECT_THROW(TorchCheckpoint(test::fixture("caa/tiny_caa.safetensors")), Error);
  // A legacy file whose storage data is cut off.
  test::writeTorchLegacy(dir / "legacy.pth", test::stateDictPickle(sampleTensors(), true));
  std::string legacy;
  {
    std::ifstream in(dir / "legacy.pth", std::ios::binary);
    legacy.assign(std::istreambuf_iterator<char>(in), {});
  }
  for (size_t cut : {legacy.size() - 1, legacy.size() - 100, size_t(20)}) {
    EXPECT_THROW(TorchCheckpoint(reinterpret_cast<const uint8_t*>(legacy.data()), cut, "legacy.pth"), Error) << cut;
  }
}

// Seeds for the fuzzer (tests/fuzz/corpus/pickle): PANOCAST_WRITE_FUZZ_SEEDS=DIR writes them.
TEST(TorchCheckpoint, WritesFuzzSeedsOnRequest) {
  const char* target = std::getenv("PANOCAST_WRITE_FUZZ_SEEDS");
  if (!target) GTEST_SKIP() << "set PANOCAST_WRITE_FUZZ_SEEDS=DIR to write fuzzer seeds";
  const auto pickle = test::stateDictPickle(sampleTensors());
  std::ofstream(fs::path(target) / "state_dict.pkl", std::ios::binary) << pickle.data();
  std::ofstream(fs::path(target) / "lightning.pkl", std::ios::binary) << lightningPickle(sampleTensors()).data();
  test::writeTorchZip(fs::path(target) / "state_dict.pt", pickle);
  test::writeTorchLegacy(fs::path(target) / "legacy.pth", test::stateDictPickle(sampleTensors(), true));
}
