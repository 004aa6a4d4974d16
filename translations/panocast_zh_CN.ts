<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>MetricNames</name>
    <message>
        <source>FID</source>
        <translation>FID</translation>
    </message>
    <message>
        <source>KID</source>
        <translation>KID</translation>
    </message>
    <message>
        <source>Inception Score</source>
        <translation>Inception Score</translation>
    </message>
    <message>
        <source>Overlap PSNR</source>
        <translation>重叠区 PSNR</translation>
    </message>
    <message>
        <source>Overlap SSIM</source>
        <translation>重叠区 SSIM</translation>
    </message>
    <message>
        <source>Seam / background step</source>
        <translation>接缝跳变 / 背景跳变</translation>
    </message>
    <message>
        <source>CLIP score</source>
        <translation>CLIP 分数</translation>
    </message>
</context>
<context>
    <name>ModelSlots</name>
    <message>
        <source>Stable Diffusion 2</source>
        <translation>Stable Diffusion 2</translation>
    </message>
    <message>
        <source>Generates the eight views (text encoder, UNet, VAE).</source>
        <translation>生成八个视图（文本编码器、UNet、VAE）。</translation>
    </message>
    <message>
        <source>Download stabilityai/stable-diffusion-2-base in the diffusers layout (a folder with model_index.json), or choose a single-file checkpoint and set its config folder below.</source>
        <translation>请下载 diffusers 格式的 stabilityai/stable-diffusion-2-base（包含 model_index.json 的文件夹），或选择单文件检查点并在下方设置其配置文件夹。</translation>
    </message>
    <message>
        <source>Config folder for single-file checkpoints</source>
        <translation>单文件检查点的配置文件夹</translation>
    </message>
    <message>
        <source>Configs and tokenizer for a .safetensors/.ckpt model file.</source>
        <translation>用于 .safetensors/.ckpt 模型文件的配置和分词器。</translation>
    </message>
    <message>
        <source>Any diffusers folder of the same architecture, e.g. stable-diffusion-2-base.</source>
        <translation>任意相同架构的 diffusers 文件夹，例如 stable-diffusion-2-base。</translation>
    </message>
    <message>
        <source>CAA weights (MVDiffusion)</source>
        <translation>CAA 权重（MVDiffusion）</translation>
    </message>
    <message>
        <source>Correspondence-aware attention for the CAA method.</source>
        <translation>用于 CAA 方法的对应感知注意力。</translation>
    </message>
    <message>
        <source>MVDiffusion&apos;s released pano.ckpt, or caa.safetensors made from it with &apos;panocast convert --in pano.ckpt --out DIR&apos;.</source>
        <translation>MVDiffusion 发布的 pano.ckpt，或通过 &apos;panocast convert --in pano.ckpt --out DIR&apos; 由其转换得到的 caa.safetensors。</translation>
    </message>
    <message>
        <source>CLIP (transformers folder)</source>
        <translation>CLIP（transformers 文件夹）</translation>
    </message>
    <message>
        <source>CLIP score in the Metrics tab.</source>
        <translation>用于“指标”标签页中的 CLIP 分数。</translation>
    </message>
    <message>
        <source>FID Inception weights</source>
        <translation>FID Inception 权重</translation>
    </message>
    <message>
        <source>FID, Inception Score and KID in the Metrics tab.</source>
        <translation>用于“指标”标签页中的 FID、Inception Score 和 KID。</translation>
    </message>
    <message>
        <source>pt_inception-2015-12-05-6726825d.pth, the file pytorch-fid and torch-fidelity download.</source>
        <translation>pt_inception-2015-12-05-6726825d.pth，即 pytorch-fid 和 torch-fidelity 下载的文件。</translation>
    </message>
    <message>
        <source>Selfie segmentation models</source>
        <translation>自拍分割模型</translation>
    </message>
    <message>
        <source>Cuts the person out in the Live tab.</source>
        <translation>在“实时”标签页中抠出人物。</translation>
    </message>
    <message>
        <source>Set-up fetches them from npm (@mediapipe/selfie_segmentation) into data/models; leave empty to use those.</source>
        <translation>安装程序会从 npm（@mediapipe/selfie_segmentation）将其获取到 data/models；留空即使用这些模型。</translation>
    </message>
    <message>
        <source>DeepLabV3 weights</source>
        <translation>DeepLabV3 权重</translation>
    </message>
    <message>
        <source>The alternative person segmenter in the Live tab.</source>
        <translation>“实时”标签页中的备选人物分割器。</translation>
    </message>
    <message>
        <source>torchvision&apos;s deeplabv3_mobilenet_v3_large_coco .pth file.</source>
        <translation>torchvision 的 deeplabv3_mobilenet_v3_large_coco .pth 文件。</translation>
    </message>
    <message>
        <source>not set</source>
        <translation>未设置</translation>
    </message>
    <message>
        <source>found</source>
        <translation>已找到</translation>
    </message>
    <message>
        <source>missing</source>
        <translation>缺失</translation>
    </message>
    <message>
        <source>not usable</source>
        <translation>不可用</translation>
    </message>
    <message>
        <source>%1 does not exist</source>
        <translation>%1 不存在</translation>
    </message>
    <message>
        <source>no model_index.json: not a diffusers folder</source>
        <translation>没有 model_index.json: 不是 diffusers 文件夹</translation>
    </message>
    <message>
        <source>the folder has no %1/</source>
        <translation>该文件夹中没有 %1/</translation>
    </message>
    <message>
        <source>diffusers folder</source>
        <translation>diffusers 文件夹</translation>
    </message>
    <message>
        <source>single-file checkpoint (%1 MB)</source>
        <translation>单文件检查点（%1 MB）</translation>
    </message>
    <message>
        <source>expected a folder</source>
        <translation>应为文件夹</translation>
    </message>
    <message>
        <source>expected a file</source>
        <translation>应为文件</translation>
    </message>
    <message>
        <source>no config.json: not a transformers folder</source>
        <translation>没有 config.json: 不是 transformers 文件夹</translation>
    </message>
    <message>
        <source>no selfie_segmentation.tflite inside</source>
        <translation>其中没有 selfie_segmentation.tflite</translation>
    </message>
    <message>
        <source>folder</source>
        <translation>文件夹</translation>
    </message>
    <message>
        <source>%1 MB</source>
        <translation>%1 MB</translation>
    </message>
    <message>
        <source>openai/clip-vit-base-patch16 (or -base-patch32, -large-patch14) in the transformers layout, or OpenAI&apos;s .pt converted with: panocast convert --in ViT-B-16.pt --out DIR --tokenizer SD-MODEL/tokenizer</source>
        <translation>transformers 格式的 openai/clip-vit-base-patch16（或 -base-patch32、-large-patch14），或用以下命令转换的 OpenAI .pt 文件: panocast convert --in ViT-B-16.pt --out DIR --tokenizer SD-MODEL/tokenizer</translation>
    </message>
</context>
<context>
    <name>PromptPresets</name>
    <message>
        <source>Living room</source>
        <translation>客厅</translation>
    </message>
    <message>
        <source>Kitchen</source>
        <translation>厨房</translation>
    </message>
    <message>
        <source>Lecture hall</source>
        <translation>阶梯教室</translation>
    </message>
    <message>
        <source>Martian classroom</source>
        <translation>火星教室</translation>
    </message>
    <message>
        <source>Futuristic city</source>
        <translation>未来城市</translation>
    </message>
    <message>
        <source>Library (one prompt per view)</source>
        <translation>图书馆（每个视图一个提示词）</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <source>Choose a file</source>
        <translation>选择文件</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a list; ignored</source>
        <translation>&apos;%1&apos; 不是列表；已忽略</translation>
    </message>
    <message>
        <source>&apos;%1&apos; holds a value that is not text; skipped</source>
        <translation>&apos;%1&apos; 包含非文本值；已跳过</translation>
    </message>
    <message>
        <source>project.json is missing or unreadable; the runs found in the folder were opened</source>
        <translation>project.json 缺失或无法读取；已打开文件夹中找到的运行</translation>
    </message>
    <message>
        <source>project.json is damaged (%1 at byte %2); the runs found in the folder were opened</source>
        <translation>project.json 已损坏（%1，位于第 %2 字节）；已打开文件夹中找到的运行</translation>
    </message>
    <message>
        <source>project.json does not say it is a PanoCast project; read anyway</source>
        <translation>project.json 未声明其为 PanoCast 项目；仍已读取</translation>
    </message>
    <message>
        <source>project.json was written by a newer PanoCast Studio; some parts may be missing</source>
        <translation>project.json 由更新版本的 PanoCast Studio 写入；部分内容可能缺失</translation>
    </message>
    <message>
        <source>run &apos;%1&apos; is listed but its folder is gone; skipped</source>
        <translation>运行 &apos;%1&apos; 已列出，但其文件夹已不存在；已跳过</translation>
    </message>
    <message>
        <source>%1 &apos;%2&apos; is missing; skipped</source>
        <translation>%1 &apos;%2&apos; 缺失；已跳过</translation>
    </message>
    <message>
        <source>metrics file</source>
        <translation>指标文件</translation>
    </message>
    <message>
        <source>recording</source>
        <translation>录像</translation>
    </message>
    <message>
        <source>the panorama &apos;%1&apos; is missing</source>
        <translation>全景图 &apos;%1&apos; 缺失</translation>
    </message>
    <message>
        <source>System language</source>
        <translation>系统语言</translation>
    </message>
    <message>
        <source>Text to 360° scenes, and a live panorama background</source>
        <translation>文本生成 360° 场景，以及实时全景背景</translation>
    </message>
    <message>
        <source>Equirectangular image to open</source>
        <translation>要打开的等距柱状投影图像</translation>
    </message>
    <message>
        <source>Save a screenshot of the window to FILE and quit</source>
        <translation>将窗口截图保存到 FILE 后退出</translation>
    </message>
    <message>
        <source>Initial yaw in degrees</source>
        <translation>初始偏航角（度）</translation>
    </message>
    <message>
        <source>Initial pitch in degrees</source>
        <translation>初始俯仰角（度）</translation>
    </message>
    <message>
        <source>Initial horizontal field of view in degrees</source>
        <translation>初始水平视场角（度）</translation>
    </message>
    <message>
        <source>rectilinear, stereographic or panini</source>
        <translation>rectilinear、stereographic 或 panini</translation>
    </message>
    <message>
        <source>Tab to show: scene, panorama, live, metrics or compare</source>
        <translation>要显示的标签页: scene、panorama、live、metrics 或 compare</translation>
    </message>
    <message>
        <source>Project folder to open</source>
        <translation>要打开的项目文件夹</translation>
    </message>
    <message>
        <source>not computed for %1</source>
        <translation>未对 %1 计算</translation>
    </message>
    <message>
        <source>Overlap PSNR per neighbouring view pair (dB) ↑</source>
        <translation>每对相邻视图的重叠区 PSNR（dB）↑</translation>
    </message>
    <message>
        <source> (wrap)</source>
        <translation> (首尾相接)</translation>
    </message>
    <message>
        <source>FID against the number of generated images ↓</source>
        <translation>FID 随生成图像数量的变化 ↓</translation>
    </message>
    <message>
        <source>generated images</source>
        <translation>生成图像数</translation>
    </message>
    <message>
        <source>needs Inception weights and a reference folder</source>
        <translation>需要 Inception 权重和参考文件夹</translation>
    </message>
</context>
<context>
    <name>panocast::CameraSource</name>
    <message>
        <source>Camera “%1” is not connected.</source>
        <translation>摄像头“%1”未连接。</translation>
    </message>
    <message>
        <source>Camera “%1”: %2. Retrying…</source>
        <translation>摄像头“%1”: %2。正在重试…</translation>
    </message>
    <message>
        <source>error</source>
        <translation>错误</translation>
    </message>
    <message>
        <source>Camera “%1” was disconnected. Waiting for it to come back…</source>
        <translation>摄像头“%1”已断开。正在等待重新连接…</translation>
    </message>
</context>
<context>
    <name>panocast::CompareSide</name>
    <message>
        <source>View %1</source>
        <translation>视图 %1</translation>
    </message>
    <message>
        <source>Disagreement of views %1 and %2</source>
        <translation>视图 %1 与 %2 之间的差异</translation>
    </message>
    <message>
        <source>Computing where neighbouring views disagree…</source>
        <translation>正在计算相邻视图的差异区域…</translation>
    </message>
    <message>
        <source>%1–%2: %3 dB</source>
        <translation>%1–%2: %3 dB</translation>
    </message>
    <message>
        <source>%1–%2: identical</source>
        <translation>%1–%2: 完全相同</translation>
    </message>
    <message>
        <source>Mean overlap PSNR %1 dB over %2 neighbouring pairs (higher: more consistent)</source>
        <translation>%2 对相邻视图的平均重叠区 PSNR 为 %1 dB（越高越一致）</translation>
    </message>
</context>
<context>
    <name>panocast::CompareTab</name>
    <message>
        <source>Synchronise the viewers</source>
        <translation>同步查看器</translation>
    </message>
    <message>
        <source>Disagreement with the right-hand neighbour (0–255):</source>
        <translation>与右侧相邻视图的差异（0–255）:</translation>
    </message>
    <message>
        <source>%1 · seed %2 · %3</source>
        <translation>%1 · 种子 %2 · %3</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>comparing neighbouring views</source>
        <translation>正在比较相邻视图</translation>
    </message>
    <message>
        <source>Compare: %1</source>
        <translation>对比: %1</translation>
    </message>
</context>
<context>
    <name>panocast::FileSource</name>
    <message>
        <source>%1: no frames could be read</source>
        <translation>%1: 无法读取任何帧</translation>
    </message>
</context>
<context>
    <name>panocast::GenerationForm</name>
    <message>
        <source>Independent (baseline)</source>
        <translation>独立（基线）</translation>
    </message>
    <message>
        <source>CAA (MVDiffusion)</source>
        <translation>CAA（MVDiffusion）</translation>
    </message>
    <message>
        <source>MultiDiffusion</source>
        <translation>MultiDiffusion</translation>
    </message>
    <message>
        <source>Shared attention</source>
        <translation>共享注意力</translation>
    </message>
    <message>
        <source>How the eight views are kept consistent: not at all (baseline), MVDiffusion&apos;s trained correspondence-aware attention (needs CAA weights), latent averaging where views overlap, or attention shared with the neighbouring views</source>
        <translation>八个视图如何保持一致: 不做处理（基线）、MVDiffusion 训练好的对应感知注意力（需要 CAA 权重）、在视图重叠处对潜变量取平均，或与相邻视图共享注意力</translation>
    </message>
    <message>
        <source>Euler</source>
        <translation>Euler</translation>
    </message>
    <message>
        <source>Randomise</source>
        <translation>随机</translation>
    </message>
    <message>
        <source>Lock</source>
        <translation>锁定</translation>
    </message>
    <message>
        <source>Keep this seed for the next runs (otherwise every run draws a new one)</source>
        <translation>在后续运行中保留此种子（否则每次运行都会随机抽取新种子）</translation>
    </message>
    <message>
        <source>Automatic</source>
        <translation>自动</translation>
    </message>
    <message>
        <source>MVDiffusion defaults</source>
        <translation>MVDiffusion 默认值</translation>
    </message>
    <message>
        <source>DDIM, 50 steps, guidance 9</source>
        <translation>DDIM，50 步，引导系数 9</translation>
    </message>
    <message>
        <source>&amp;Method:</source>
        <translation>方法(&amp;M):</translation>
    </message>
    <message>
        <source>S&amp;cheduler:</source>
        <translation>调度器(&amp;C):</translation>
    </message>
    <message>
        <source>&amp;Steps:</source>
        <translation>步数(&amp;S):</translation>
    </message>
    <message>
        <source>S&amp;eed:</source>
        <translation>种子(&amp;E):</translation>
    </message>
    <message>
        <source>&amp;Device:</source>
        <translation>设备(&amp;D):</translation>
    </message>
    <message>
        <source>&amp;Precision:</source>
        <translation>精度(&amp;P):</translation>
    </message>
    <message>
        <source>G&amp;uidance:</source>
        <translation>引导系数(&amp;U):</translation>
    </message>
</context>
<context>
    <name>panocast::JobPanel</name>
    <message>
        <source>Cancel job</source>
        <translation>取消任务</translation>
    </message>
    <message>
        <source>Clear finished</source>
        <translation>清除已完成</translation>
    </message>
</context>
<context>
    <name>panocast::JobQueue</name>
    <message>
        <source>Queued</source>
        <translation>排队中</translation>
    </message>
    <message>
        <source>Running</source>
        <translation>运行中</translation>
    </message>
    <message>
        <source>Finished</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>waiting for %1</source>
        <translation>正在等待 %1</translation>
    </message>
    <message>
        <source>starting</source>
        <translation>正在启动</translation>
    </message>
    <message>
        <source>unknown error</source>
        <translation>未知错误</translation>
    </message>
    <message>
        <source>cancelled before it started</source>
        <translation>在开始前已取消</translation>
    </message>
    <message>
        <source>cancelling…</source>
        <translation>正在取消…</translation>
    </message>
    <message>
        <source>Job</source>
        <translation>任务</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>进度</translation>
    </message>
    <message>
        <source>Elapsed</source>
        <translation>已用时间</translation>
    </message>
    <message>
        <source>Remaining</source>
        <translation>剩余时间</translation>
    </message>
</context>
<context>
    <name>panocast::LiveControls</name>
    <message>
        <source>Start preview</source>
        <translation>开始预览</translation>
    </message>
    <message>
        <source>Input</source>
        <translation>输入</translation>
    </message>
    <message>
        <source>Source:</source>
        <translation>来源:</translation>
    </message>
    <message>
        <source>The camera&apos;s horizontal field of view (webcams: 60–78°). The background uses the same.</source>
        <translation>摄像头的水平视场角（网络摄像头: 60–78°）。背景使用相同的值。</translation>
    </message>
    <message>
        <source>Camera FOV:</source>
        <translation>摄像头视场角:</translation>
    </message>
    <message>
        <source>Background</source>
        <translation>背景</translation>
    </message>
    <message>
        <source>Equirectangular image</source>
        <translation>等距柱状投影图像</translation>
    </message>
    <message>
        <source>Panorama:</source>
        <translation>全景图:</translation>
    </message>
    <message>
        <source>Background panorama</source>
        <translation>背景全景图</translation>
    </message>
    <message>
        <source>Panoramas (*.png *.jpg *.jpeg *.exr *.hdr);;All files (*)</source>
        <translation>全景图 (*.png *.jpg *.jpeg *.exr *.hdr);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Where in the panorama the camera looks when the preview starts or is recentred</source>
        <translation>预览开始或重新居中时，摄像头在全景图中朝向的位置</translation>
    </message>
    <message>
        <source>Recenter</source>
        <translation>重新居中</translation>
    </message>
    <message>
        <source>Make the camera&apos;s current direction look at the start direction again</source>
        <translation>让摄像头的当前方向重新对准起始方向</translation>
    </message>
    <message>
        <source>Look at:</source>
        <translation>朝向:</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>人物</translation>
    </message>
    <message>
        <source>Selfie (MediaPipe)</source>
        <translation>自拍（MediaPipe）</translation>
    </message>
    <message>
        <source>Selfie landscape (Meet)</source>
        <translation>自拍横屏（Meet）</translation>
    </message>
    <message>
        <source>DeepLabV3 (torchvision .pth)</source>
        <translation>DeepLabV3（torchvision .pth）</translation>
    </message>
    <message>
        <source>Model:</source>
        <translation>模型:</translation>
    </message>
    <message>
        <source>DeepLabV3 weights</source>
        <translation>DeepLabV3 权重</translation>
    </message>
    <message>
        <source>PyTorch weights (*.pth *.pt);;All files (*)</source>
        <translation>PyTorch 权重 (*.pth *.pt);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Weights:</source>
        <translation>权重:</translation>
    </message>
    <message>
        <source>CPU</source>
        <translation>CPU</translation>
    </message>
    <message>
        <source>CUDA GPU</source>
        <translation>CUDA GPU</translation>
    </message>
    <message>
        <source>Device:</source>
        <translation>设备:</translation>
    </message>
    <message>
        <source>Temporal smoothing of uncertain edges: more is steadier, less follows motion faster</source>
        <translation>对不确定边缘进行时间平滑: 越高越稳定，越低越能快速跟随运动</translation>
    </message>
    <message>
        <source>Smoothing:</source>
        <translation>平滑:</translation>
    </message>
    <message>
        <source> px</source>
        <translation> 像素</translation>
    </message>
    <message>
        <source>Outward feather of the matte</source>
        <translation>蒙版向外羽化</translation>
    </message>
    <message>
        <source>Feather:</source>
        <translation>羽化:</translation>
    </message>
    <message>
        <source>Bring the person&apos;s brightness toward the scene&apos;s</source>
        <translation>使人物亮度趋近场景亮度</translation>
    </message>
    <message>
        <source>Light match:</source>
        <translation>光照匹配:</translation>
    </message>
    <message>
        <source>Overlays</source>
        <translation>叠加层</translation>
    </message>
    <message>
        <source>Mask</source>
        <translation>蒙版</translation>
    </message>
    <message>
        <source>Tint the person&apos;s matte</source>
        <translation>为人物蒙版着色</translation>
    </message>
    <message>
        <source>Flow</source>
        <translation>光流</translation>
    </message>
    <message>
        <source>Tracked background points and their motion</source>
        <translation>跟踪的背景点及其运动</translation>
    </message>
    <message>
        <source>Angles</source>
        <translation>角度</translation>
    </message>
    <message>
        <source>Tracked yaw, pitch, roll and confidence</source>
        <translation>跟踪得到的偏航、俯仰、翻滚角及置信度</translation>
    </message>
    <message>
        <source>FPS</source>
        <translation>FPS</translation>
    </message>
    <message>
        <source>Frame rate and milliseconds per stage</source>
        <translation>帧率及各阶段耗时（毫秒）</translation>
    </message>
    <message>
        <source>Recording</source>
        <translation>录制</translation>
    </message>
    <message>
        <source>H.264 video (.mp4 or .mkv) at the source&apos;s frame rate</source>
        <translation>以来源帧率录制的 H.264 视频（.mp4 或 .mkv）</translation>
    </message>
    <message>
        <source>File:</source>
        <translation>文件:</translation>
    </message>
    <message>
        <source>Record to</source>
        <translation>录制到</translation>
    </message>
    <message>
        <source>Video (*.mp4 *.mkv)</source>
        <translation>视频 (*.mp4 *.mkv)</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>录制</translation>
    </message>
    <message>
        <source> (disconnected)</source>
        <translation> (已断开)</translation>
    </message>
    <message>
        <source>No camera found</source>
        <translation>未找到摄像头</translation>
    </message>
    <message>
        <source>Video file…</source>
        <translation>视频文件…</translation>
    </message>
    <message>
        <source>Video as live input</source>
        <translation>用作实时输入的视频</translation>
    </message>
    <message>
        <source>Videos (*.mp4 *.mkv *.mov *.avi *.webm);;All files (*)</source>
        <translation>视频 (*.mp4 *.mkv *.mov *.avi *.webm);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Stop preview</source>
        <translation>停止预览</translation>
    </message>
    <message>
        <source>Stop recording</source>
        <translation>停止录制</translation>
    </message>
</context>
<context>
    <name>panocast::LiveTab</name>
    <message>
        <source>Choose a camera or a video file and a panorama, then press Start preview.</source>
        <translation>请选择摄像头或视频文件以及全景图，然后点击“开始预览”。</translation>
    </message>
    <message>
        <source>Saved the recording to %1 (%2 frames).</source>
        <translation>录像已保存到 %1（%2 帧）。</translation>
    </message>
    <message>
        <source>No input: connect a camera, or choose “Video file…” under Input.</source>
        <translation>无输入: 请连接摄像头，或在“输入”下选择“视频文件…”。</translation>
    </message>
    <message>
        <source>No background: open a panorama in the Panorama tab, or choose one under Background.</source>
        <translation>无背景: 请在“全景”标签页中打开全景图，或在“背景”下选择一个。</translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation>正在启动…</translation>
    </message>
    <message>
        <source>Stopped. Press Start preview to go on.</source>
        <translation>已停止。点击“开始预览”以继续。</translation>
    </message>
    <message>
        <source>Start the preview before recording.</source>
        <translation>请先开始预览再录制。</translation>
    </message>
    <message>
        <source>Choose a file to record to.</source>
        <translation>请选择要录制到的文件。</translation>
    </message>
    <message>
        <source>Cannot create the folder %1</source>
        <translation>无法创建文件夹 %1</translation>
    </message>
    <message>
        <source>%1 fps</source>
        <translation>%1 fps</translation>
    </message>
    <message>
        <source>latency %1 ms</source>
        <translation>延迟 %1 ms</translation>
    </message>
    <message>
        <source>dropped %1</source>
        <translation>丢帧 %1</translation>
    </message>
    <message>
        <source>yaw %1°  pitch %2°  roll %3°  confidence %4%5</source>
        <translation>偏航 %1°  俯仰 %2°  翻滚 %3°  置信度 %4%5</translation>
    </message>
    <message>
        <source> (held)</source>
        <translation> (保持)</translation>
    </message>
    <message>
        <source>segment %1 · track %2 · background %3 · composite %4 ms</source>
        <translation>分割 %1 · 跟踪 %2 · 背景 %3 · 合成 %4 ms</translation>
    </message>
    <message>
        <source>– fps</source>
        <translation>– fps</translation>
    </message>
    <message>
        <source>latency – ms</source>
        <translation>延迟 – ms</translation>
    </message>
    <message>
        <source>dropped –</source>
        <translation>丢帧 –</translation>
    </message>
</context>
<context>
    <name>panocast::LiveWorker</name>
    <message>
        <source>Start the preview before recording.</source>
        <translation>请先开始预览再录制。</translation>
    </message>
    <message>
        <source>Recording %1 failed: %2</source>
        <translation>录制 %1 失败: %2</translation>
    </message>
</context>
<context>
    <name>panocast::MainWindow</name>
    <message>
        <source>Scene</source>
        <translation>场景</translation>
    </message>
    <message>
        <source>&lt;p&gt;This build has no text engine (ICU), which generation needs.&lt;/p&gt;</source>
        <translation>&lt;p&gt;此版本未包含生成所需的文本引擎（ICU）。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Panorama</source>
        <translation>全景</translation>
    </message>
    <message>
        <source>Live</source>
        <translation>实时</translation>
    </message>
    <message>
        <source>&lt;p&gt;This build has no OpenCV, which live video needs.&lt;/p&gt;</source>
        <translation>&lt;p&gt;此版本未包含实时视频所需的 OpenCV。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Metrics</source>
        <translation>指标</translation>
    </message>
    <message>
        <source>Compare</source>
        <translation>对比</translation>
    </message>
    <message>
        <source>Jobs</source>
        <translation>任务</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>就绪</translation>
    </message>
    <message>
        <source>Opened %1</source>
        <translation>已打开 %1</translation>
    </message>
    <message>
        <source>A job failed: %1</source>
        <translation>有任务失败: %1</translation>
    </message>
    <message>
        <source>Cannot save the project</source>
        <translation>无法保存项目</translation>
    </message>
    <message>
        <source>Cannot open the project</source>
        <translation>无法打开项目</translation>
    </message>
    <message>
        <source>The project opened with problems</source>
        <translation>项目打开时出现问题</translation>
    </message>
    <message>
        <source>Some parts of %1 could not be opened:
• %2</source>
        <translation>%1 的部分内容无法打开:
• %2</translation>
    </message>
    <message>
        <source>Opened project %1</source>
        <translation>已打开项目 %1</translation>
    </message>
    <message>
        <source>Save project as</source>
        <translation>项目另存为</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>已保存 %1</translation>
    </message>
    <message>
        <source>Cannot move the project now</source>
        <translation>现在无法移动项目</translation>
    </message>
    <message>
        <source>A generation is writing into the project; wait for it or cancel it.</source>
        <translation>有生成任务正在写入项目；请等待其完成或将其取消。</translation>
    </message>
    <message>
        <source>%1[*] — PanoCast Studio</source>
        <translation>%1[*] — PanoCast Studio</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Projection</source>
        <translation>投影(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Rectilinear</source>
        <translation>直线投影(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Little planet</source>
        <translation>小行星(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Panini</source>
        <translation>Panini(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Jobs</source>
        <translation>任务(&amp;J)</translation>
    </message>
    <message>
        <source>&amp;Go</source>
        <translation>转到(&amp;G)</translation>
    </message>
    <message>
        <source>&amp;Scene</source>
        <translation>场景(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Panorama</source>
        <translation>全景(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Live</source>
        <translation>实时(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Metrics</source>
        <translation>指标(&amp;M)</translation>
    </message>
    <message>
        <source>&amp;Compare</source>
        <translation>对比(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;About PanoCast Studio</source>
        <translation>关于 PanoCast Studio(&amp;A)</translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation>关于 Qt(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;New Project</source>
        <translation>新建项目(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Open Project…</source>
        <translation>打开项目(&amp;O)…</translation>
    </message>
    <message>
        <source>Open project folder</source>
        <translation>打开项目文件夹</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>最近打开(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Save Project</source>
        <translation>保存项目(&amp;S)</translation>
    </message>
    <message>
        <source>Save Project &amp;As…</source>
        <translation>项目另存为(&amp;A)…</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>The new language applies after a restart. Restart PanoCast Studio now?</source>
        <translation>新语言将在重启后生效。是否立即重启 PanoCast Studio？</translation>
    </message>
    <message>
        <source>About PanoCast Studio</source>
        <translation>关于 PanoCast Studio</translation>
    </message>
    <message>
        <source>&lt;h3&gt;PanoCast Studio %1&lt;/h3&gt;&lt;p&gt;Text to 360° scenes with multi-view diffusion, and a live camera-aware panorama background.&lt;/p&gt;&lt;pre&gt;%2&lt;/pre&gt;</source>
        <translation>&lt;h3&gt;PanoCast Studio %1&lt;/h3&gt;&lt;p&gt;基于多视图扩散的文本生成 360° 场景，以及跟随摄像头方向的实时全景背景。&lt;/p&gt;&lt;pre&gt;%2&lt;/pre&gt;</translation>
    </message>
    <message>
        <source>Cancelling running jobs…</source>
        <translation>正在取消运行中的任务…</translation>
    </message>
    <message>
        <source>Cannot save the metrics</source>
        <translation>无法保存指标</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Metrics saved in %1</source>
        <translation>指标已保存到 %1</translation>
    </message>
    <message>
        <source>Se&amp;ttings…</source>
        <translation>设置(&amp;T)…</translation>
    </message>
</context>
<context>
    <name>panocast::MetricsTab</name>
    <message>
        <source>Generated runs</source>
        <translation>已生成的运行</translation>
    </message>
    <message>
        <source>Seed</source>
        <translation>种子</translation>
    </message>
    <message>
        <source>Runs are scored per method; check the ones to include</source>
        <translation>按方法对运行进行评估；请勾选要纳入的运行</translation>
    </message>
    <message>
        <source>Add run folder…</source>
        <translation>添加运行文件夹…</translation>
    </message>
    <message>
        <source>real images for FID and KID (optional)</source>
        <translation>用于 FID 和 KID 的真实图像（可选）</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <source>View consistency (overlap PSNR/SSIM, seams)</source>
        <translation>视图一致性（重叠区 PSNR/SSIM、接缝）</translation>
    </message>
    <message>
        <source>FID against the number of images</source>
        <translation>FID 随图像数量的变化</translation>
    </message>
    <message>
        <source>&amp;Score</source>
        <translation>评估(&amp;S)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Reference folder:</source>
        <translation>参考文件夹:</translation>
    </message>
    <message>
        <source>Run folder (view_0.png … and run.json)</source>
        <translation>运行文件夹（view_0.png … 和 run.json）</translation>
    </message>
    <message>
        <source>Reference images</source>
        <translation>参考图像</translation>
    </message>
    <message>
        <source>Overview</source>
        <translation>概览</translation>
    </message>
    <message>
        <source>View pairs</source>
        <translation>视图对</translation>
    </message>
    <message>
        <source>FID curve</source>
        <translation>FID 曲线</translation>
    </message>
    <message>
        <source>Table</source>
        <translation>表格</translation>
    </message>
    <message>
        <source>Export PNG…</source>
        <translation>导出 PNG…</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>导出 CSV…</translation>
    </message>
    <message>
        <source>Export JSON…</source>
        <translation>导出 JSON…</translation>
    </message>
    <message>
        <source>Export chart</source>
        <translation>导出图表</translation>
    </message>
    <message>
        <source>PNG image (*.png)</source>
        <translation>PNG 图像 (*.png)</translation>
    </message>
    <message>
        <source>Cannot write %1</source>
        <translation>无法写入 %1</translation>
    </message>
    <message>
        <source>Export table</source>
        <translation>导出表格</translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <source>Export reports</source>
        <translation>导出报告</translation>
    </message>
    <message>
        <source>JSON (*.json)</source>
        <translation>JSON (*.json)</translation>
    </message>
    <message>
        <source>No runs to score: generate some in the Scene tab, or add run folders.</source>
        <translation>没有可评估的运行: 请在“场景”标签页中生成，或添加运行文件夹。</translation>
    </message>
    <message>
        <source>The reference folder %1 does not exist.</source>
        <translation>参考文件夹 %1 不存在。</translation>
    </message>
    <message>
        <source>Metrics: %1 (%2 runs)</source>
        <translation>指标: %1（%2 次运行）</translation>
    </message>
    <message>
        <source>Scoring %1 method(s)…</source>
        <translation>正在评估 %1 种方法…</translation>
    </message>
    <message>
        <source>Scoring %1 failed: %2</source>
        <translation>评估 %1 失败: %2</translation>
    </message>
    <message>
        <source>Scoring cancelled.</source>
        <translation>评估已取消。</translation>
    </message>
    <message>
        <source>Scored %1 method(s).</source>
        <translation>已评估 %1 种方法。</translation>
    </message>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <source>FID, KID and Inception Score need the FID Inception weights: set them in Settings → Models.</source>
        <translation>FID、KID 和 Inception Score 需要 FID Inception 权重：请在“设置 → 模型”中设置。</translation>
    </message>
    <message>
        <source>Inception weights: %1</source>
        <translation>Inception 权重：%1</translation>
    </message>
    <message>
        <source>CLIP score needs a CLIP model: set it in Settings → Models.</source>
        <translation>CLIP 分数需要 CLIP 模型：请在“设置 → 模型”中设置。</translation>
    </message>
    <message>
        <source>CLIP model: %1</source>
        <translation>CLIP 模型：%1</translation>
    </message>
    <message>
        <source>View consistency needs nothing.</source>
        <translation>视图一致性无需任何模型。</translation>
    </message>
</context>
<context>
    <name>panocast::PanoramaTab</name>
    <message>
        <source>Open…</source>
        <translation>打开…</translation>
    </message>
    <message>
        <source>Open an equirectangular image (PNG, JPEG, EXR, HDR)</source>
        <translation>打开等距柱状投影图像（PNG、JPEG、EXR、HDR）</translation>
    </message>
    <message>
        <source>Export view…</source>
        <translation>导出视图…</translation>
    </message>
    <message>
        <source>Projection:</source>
        <translation>投影:</translation>
    </message>
    <message>
        <source>Rectilinear</source>
        <translation>直线投影</translation>
    </message>
    <message>
        <source>Little planet (stereographic)</source>
        <translation>小行星（球极投影）</translation>
    </message>
    <message>
        <source>Panini</source>
        <translation>Panini</translation>
    </message>
    <message>
        <source>Reset view</source>
        <translation>重置视图</translation>
    </message>
    <message>
        <source>Auto-rotate</source>
        <translation>自动旋转</translation>
    </message>
    <message>
        <source>Turn slowly after 3 s without input</source>
        <translation>无操作 3 秒后缓慢旋转</translation>
    </message>
    <message>
        <source>Fullscreen</source>
        <translation>全屏</translation>
    </message>
    <message>
        <source>&lt;h2&gt;No panorama open&lt;/h2&gt;&lt;p&gt;Open an equirectangular image (File ▸ Open, Ctrl+O) or generate a scene in the Scene tab.&lt;/p&gt;&lt;p&gt;Drag to look around, scroll to zoom, arrow keys to turn, Home to reset.&lt;/p&gt;</source>
        <translation>&lt;h2&gt;未打开全景图&lt;/h2&gt;&lt;p&gt;请打开等距柱状投影图像（文件 ▸ 打开，Ctrl+O），或在“场景”标签页中生成场景。&lt;/p&gt;&lt;p&gt;拖动可环顾四周，滚动滚轮可缩放，方向键可转动，按 Home 键可重置。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Cannot open panorama</source>
        <translation>无法打开全景图</translation>
    </message>
    <message>
        <source>Not an equirectangular panorama</source>
        <translation>不是等距柱状投影全景图</translation>
    </message>
    <message>
        <source>%1 is %2×%3 pixels. An equirectangular panorama is exactly twice as wide as it is high (360° × 180°).</source>
        <translation>%1 的尺寸为 %2×%3 像素。等距柱状投影全景图的宽度正好是高度的两倍（360° × 180°）。</translation>
    </message>
    <message>
        <source>Open panorama</source>
        <translation>打开全景图</translation>
    </message>
    <message>
        <source>Panoramas (*.png *.jpg *.jpeg *.exr *.hdr);;All files (*)</source>
        <translation>全景图 (*.png *.jpg *.jpeg *.exr *.hdr);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Export view</source>
        <translation>导出视图</translation>
    </message>
    <message>
        <source>Open a panorama first.</source>
        <translation>请先打开全景图。</translation>
    </message>
    <message>
        <source>Export current view</source>
        <translation>导出当前视图</translation>
    </message>
    <message>
        <source>Width (pixels):</source>
        <translation>宽度（像素）:</translation>
    </message>
    <message>
        <source>Height (pixels):</source>
        <translation>高度（像素）:</translation>
    </message>
    <message>
        <source>Save view as</source>
        <translation>视图另存为</translation>
    </message>
    <message>
        <source>PNG image (*.png)</source>
        <translation>PNG 图像 (*.png)</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>导出失败</translation>
    </message>
    <message>
        <source>Could not write %1.</source>
        <translation>无法写入 %1。</translation>
    </message>
    <message>
        <source>no panorama</source>
        <translation>无全景图</translation>
    </message>
    <message>
        <source>%1 — yaw %2°, pitch %3°, field of view %4°</source>
        <translation>%1 — 偏航 %2°，俯仰 %3°，视场角 %4°</translation>
    </message>
</context>
<context>
    <name>panocast::PlaceholderTab</name>
    <message>
        <source>Not available in this version yet.</source>
        <translation>此版本尚未提供该功能。</translation>
    </message>
</context>
<context>
    <name>panocast::ProjectSession</name>
    <message>
        <source>Untitled</source>
        <translation>未命名</translation>
    </message>
</context>
<context>
    <name>panocast::PromptEditor</name>
    <message>
        <source>One prompt for all views</source>
        <translation>所有视图共用一个提示词</translation>
    </message>
    <message>
        <source>One prompt per view</source>
        <translation>每个视图一个提示词</translation>
    </message>
    <message>
        <source>Presets…</source>
        <translation>预设…</translation>
    </message>
    <message>
        <source>Prompt</source>
        <translation>提示词</translation>
    </message>
    <message>
        <source>What to avoid (optional)</source>
        <translation>要避免的内容（可选）</translation>
    </message>
    <message>
        <source>&amp;Negative prompt:</source>
        <translation>反向提示词(&amp;N):</translation>
    </message>
    <message>
        <source>no model set: tokens are counted once a model is chosen in Settings</source>
        <translation>未设置模型: 在“设置”中选择模型后才会统计词元</translation>
    </message>
    <message>
        <source>tokens cannot be counted: %1</source>
        <translation>无法统计词元: %1</translation>
    </message>
    <message>
        <source>Recent prompts…</source>
        <translation>最近的提示词…</translation>
    </message>
    <message>
        <source>%1 / %2 tokens</source>
        <translation>%1 / %2 个词元</translation>
    </message>
    <message>
        <source>cut after &quot;%1&quot;; ignored: &quot;%2&quot;</source>
        <translation>在“%1”之后截断；已忽略: “%2”</translation>
    </message>
    <message>
        <source>longest: %1 / %2 tokens</source>
        <translation>最长: %1 / %2 个词元</translation>
    </message>
    <message>
        <source>negative: </source>
        <translation>反向: </translation>
    </message>
    <message>
        <source>Describe the scene in English (the text encoder reads English), e.g. a well-lit living room with large windows</source>
        <translation>请用英文描述场景（文本编码器读取的是英文），例如 a well-lit living room with large windows</translation>
    </message>
</context>
<context>
    <name>panocast::SceneTab</name>
    <message>
        <source>&amp;Generate</source>
        <translation>生成(&amp;G)</translation>
    </message>
    <message>
        <source>Generate the eight views with the chosen method and stitch the panorama</source>
        <translation>使用所选方法生成八个视图并拼接成全景图</translation>
    </message>
    <message>
        <source>Generate baseline and CAA</source>
        <translation>生成基线和 CAA</translation>
    </message>
    <message>
        <source>Two runs with the same prompts and seed: the independent baseline and CAA, for the Compare tab</source>
        <translation>使用相同提示词和种子的两次运行: 独立基线和 CAA，用于“对比”标签页</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Type a scene and press Generate.</source>
        <translation>请输入场景描述，然后点击“生成”。</translation>
    </message>
    <message>
        <source>No Stable Diffusion model is set. Open Settings → Models and choose a stable-diffusion-2-base folder (diffusers layout).</source>
        <translation>未设置 Stable Diffusion 模型。请打开“设置 → 模型”，选择一个 stable-diffusion-2-base 文件夹（diffusers 格式）。</translation>
    </message>
    <message>
        <source>The Stable Diffusion model cannot be used: %1. Fix it in Settings → Models.</source>
        <translation>无法使用 Stable Diffusion 模型: %1。请在“设置 → 模型”中修正。</translation>
    </message>
    <message>
        <source>Type a prompt first.</source>
        <translation>请先输入提示词。</translation>
    </message>
    <message>
        <source>The prompt for yaw %1° is empty: fill in every view, or use one prompt for all views.</source>
        <translation>偏航 %1° 的提示词为空: 请填写每个视图，或让所有视图共用一个提示词。</translation>
    </message>
    <message>
        <source>The CAA method needs MVDiffusion&apos;s weights: set &quot;CAA weights&quot; in Settings → Models (pano.ckpt or caa.safetensors), or choose another method.</source>
        <translation>CAA 方法需要 MVDiffusion 的权重: 请在“设置 → 模型”中设置“CAA 权重”（pano.ckpt 或 caa.safetensors），或选择其他方法。</translation>
    </message>
    <message>
        <source>No project folder to write the run into.</source>
        <translation>没有可写入本次运行的项目文件夹。</translation>
    </message>
    <message>
        <source>step %1 of %2</source>
        <translation>第 %1 步，共 %2 步</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Queued on %1 (seed %2).</source>
        <translation>已在 %1 上排队（种子 %2）。</translation>
    </message>
    <message>
        <source>%1 finished in %2 s (seed %3): %4</source>
        <translation>%1 已完成，用时 %2 秒（种子 %3）: %4</translation>
    </message>
    <message>
        <source>%1 failed: %2</source>
        <translation>%1 失败: %2</translation>
    </message>
    <message>
        <source>%1 cancelled.</source>
        <translation>%1 已取消。</translation>
    </message>
    <message>
        <source>View %1 of %2 (yaw %3°)</source>
        <translation>第 %1 个视图，共 %2 个（偏航 %3°）</translation>
    </message>
</context>
<context>
    <name>panocast::SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>General</source>
        <translation>常规</translation>
    </message>
    <message>
        <source>Models</source>
        <translation>模型</translation>
    </message>
    <message>
        <source>System</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>浅色</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>深色</translation>
    </message>
    <message>
        <source>Automatic (GPU when available)</source>
        <translation>自动（可用时使用 GPU）</translation>
    </message>
    <message>
        <source>Automatic (fp16 on GPU, fp32 on CPU)</source>
        <translation>自动（GPU 上用 fp16，CPU 上用 fp32）</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>语言(&amp;L):</translation>
    </message>
    <message>
        <source>&lt;small&gt;A new language applies after a restart.&lt;/small&gt;</source>
        <translation>&lt;small&gt;新语言将在重启后生效。&lt;/small&gt;</translation>
    </message>
    <message>
        <source>&amp;Theme:</source>
        <translation>主题(&amp;T):</translation>
    </message>
    <message>
        <source>&amp;Device:</source>
        <translation>设备(&amp;D):</translation>
    </message>
    <message>
        <source>&amp;Precision:</source>
        <translation>精度(&amp;P):</translation>
    </message>
    <message>
        <source>folder</source>
        <translation>文件夹</translation>
    </message>
    <message>
        <source>file</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
</context>
<context>
    <name>panocast::ViewGrid</name>
    <message>
        <source>yaw %1°</source>
        <translation>偏航 %1°</translation>
    </message>
</context>
<context>
    <name>panocast::ViewTile</name>
    <message>
        <source>Click to open the view large</source>
        <translation>点击以放大查看该视图</translation>
    </message>
    <message>
        <source>%1 · preview</source>
        <translation>%1 · 预览</translation>
    </message>
</context>
</TS>
