<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es">
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
        <translation>PSNR de solapamiento</translation>
    </message>
    <message>
        <source>Overlap SSIM</source>
        <translation>SSIM de solapamiento</translation>
    </message>
    <message>
        <source>Seam / background step</source>
        <translation>Salto en costuras / salto de fondo</translation>
    </message>
    <message>
        <source>CLIP score</source>
        <translation>Puntuación CLIP</translation>
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
        <translation>Genera las ocho vistas (codificador de texto, UNet, VAE).</translation>
    </message>
    <message>
        <source>Download stabilityai/stable-diffusion-2-base in the diffusers layout (a folder with model_index.json), or choose a single-file checkpoint and set its config folder below.</source>
        <translation>Descargue stabilityai/stable-diffusion-2-base con la estructura de diffusers (una carpeta con model_index.json), o elija un checkpoint de un solo archivo e indique su carpeta de configuración más abajo.</translation>
    </message>
    <message>
        <source>Config folder for single-file checkpoints</source>
        <translation>Carpeta de configuración para checkpoints de un solo archivo</translation>
    </message>
    <message>
        <source>Configs and tokenizer for a .safetensors/.ckpt model file.</source>
        <translation>Configuraciones y tokenizador para un archivo de modelo .safetensors/.ckpt.</translation>
    </message>
    <message>
        <source>Any diffusers folder of the same architecture, e.g. stable-diffusion-2-base.</source>
        <translation>Cualquier carpeta de diffusers con la misma arquitectura, p. ej. stable-diffusion-2-base.</translation>
    </message>
    <message>
        <source>CAA weights (MVDiffusion)</source>
        <translation>Pesos de CAA (MVDiffusion)</translation>
    </message>
    <message>
        <source>Correspondence-aware attention for the CAA method.</source>
        <translation>Atención consciente de correspondencias para el método CAA.</translation>
    </message>
    <message>
        <source>MVDiffusion&apos;s released pano.ckpt, or caa.safetensors made from it with &apos;panocast convert --in pano.ckpt --out DIR&apos;.</source>
        <translation>El pano.ckpt publicado por MVDiffusion, o un caa.safetensors generado a partir de él con &apos;panocast convert --in pano.ckpt --out DIR&apos;.</translation>
    </message>
    <message>
        <source>CLIP (transformers folder)</source>
        <translation>CLIP (carpeta de transformers)</translation>
    </message>
    <message>
        <source>CLIP score in the Metrics tab.</source>
        <translation>Puntuación CLIP en la pestaña Métricas.</translation>
    </message>
    <message>
        <source>FID Inception weights</source>
        <translation>Pesos de Inception para FID</translation>
    </message>
    <message>
        <source>FID, Inception Score and KID in the Metrics tab.</source>
        <translation>FID, Inception Score y KID en la pestaña Métricas.</translation>
    </message>
    <message>
        <source>pt_inception-2015-12-05-6726825d.pth, the file pytorch-fid and torch-fidelity download.</source>
        <translation>pt_inception-2015-12-05-6726825d.pth, el archivo que descargan pytorch-fid y torch-fidelity.</translation>
    </message>
    <message>
        <source>Selfie segmentation models</source>
        <translation>Modelos de segmentación de selfies</translation>
    </message>
    <message>
        <source>Cuts the person out in the Live tab.</source>
        <translation>Recorta a la persona en la pestaña En vivo.</translation>
    </message>
    <message>
        <source>Set-up fetches them from npm (@mediapipe/selfie_segmentation) into data/models; leave empty to use those.</source>
        <translation>La instalación los descarga de npm (@mediapipe/selfie_segmentation) en data/models; deje el campo vacío para usarlos.</translation>
    </message>
    <message>
        <source>DeepLabV3 weights</source>
        <translation>Pesos de DeepLabV3</translation>
    </message>
    <message>
        <source>The alternative person segmenter in the Live tab.</source>
        <translation>El segmentador de personas alternativo de la pestaña En vivo.</translation>
    </message>
    <message>
        <source>torchvision&apos;s deeplabv3_mobilenet_v3_large_coco .pth file.</source>
        <translation>El archivo .pth deeplabv3_mobilenet_v3_large_coco de torchvision.</translation>
    </message>
    <message>
        <source>not set</source>
        <translation>sin definir</translation>
    </message>
    <message>
        <source>found</source>
        <translation>encontrado</translation>
    </message>
    <message>
        <source>missing</source>
        <translation>no encontrado</translation>
    </message>
    <message>
        <source>not usable</source>
        <translation>no utilizable</translation>
    </message>
    <message>
        <source>%1 does not exist</source>
        <translation>%1 no existe</translation>
    </message>
    <message>
        <source>no model_index.json: not a diffusers folder</source>
        <translation>falta model_index.json: no es una carpeta de diffusers</translation>
    </message>
    <message>
        <source>the folder has no %1/</source>
        <translation>la carpeta no contiene %1/</translation>
    </message>
    <message>
        <source>diffusers folder</source>
        <translation>carpeta de diffusers</translation>
    </message>
    <message>
        <source>single-file checkpoint (%1 MB)</source>
        <translation>checkpoint de un solo archivo (%1 MB)</translation>
    </message>
    <message>
        <source>expected a folder</source>
        <translation>se esperaba una carpeta</translation>
    </message>
    <message>
        <source>expected a file</source>
        <translation>se esperaba un archivo</translation>
    </message>
    <message>
        <source>no config.json: not a transformers folder</source>
        <translation>falta config.json: no es una carpeta de transformers</translation>
    </message>
    <message>
        <source>no selfie_segmentation.tflite inside</source>
        <translation>no contiene selfie_segmentation.tflite</translation>
    </message>
    <message>
        <source>folder</source>
        <translation>carpeta</translation>
    </message>
    <message>
        <source>%1 MB</source>
        <translation>%1 MB</translation>
    </message>
    <message>
        <source>openai/clip-vit-base-patch16 (or -base-patch32, -large-patch14) in the transformers layout, or OpenAI&apos;s .pt converted with: panocast convert --in ViT-B-16.pt --out DIR --tokenizer SD-MODEL/tokenizer</source>
        <translation>openai/clip-vit-base-patch16 (o -base-patch32, -large-patch14) con la estructura de transformers, o el .pt de OpenAI convertido con: panocast convert --in ViT-B-16.pt --out DIR --tokenizer SD-MODEL/tokenizer</translation>
    </message>
</context>
<context>
    <name>PromptPresets</name>
    <message>
        <source>Living room</source>
        <translation>Sala de estar</translation>
    </message>
    <message>
        <source>Kitchen</source>
        <translation>Cocina</translation>
    </message>
    <message>
        <source>Lecture hall</source>
        <translation>Sala de conferencias</translation>
    </message>
    <message>
        <source>Martian classroom</source>
        <translation>Aula marciana</translation>
    </message>
    <message>
        <source>Futuristic city</source>
        <translation>Ciudad futurista</translation>
    </message>
    <message>
        <source>Library (one prompt per view)</source>
        <translation>Biblioteca (un prompt por vista)</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <source>Choose a file</source>
        <translation>Elegir un archivo</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a list; ignored</source>
        <translation>&apos;%1&apos; no es una lista; se ignora</translation>
    </message>
    <message>
        <source>&apos;%1&apos; holds a value that is not text; skipped</source>
        <translation>&apos;%1&apos; contiene un valor que no es texto; se omite</translation>
    </message>
    <message>
        <source>project.json is missing or unreadable; the runs found in the folder were opened</source>
        <translation>project.json falta o no se puede leer; se abrieron las ejecuciones encontradas en la carpeta</translation>
    </message>
    <message>
        <source>project.json is damaged (%1 at byte %2); the runs found in the folder were opened</source>
        <translation>project.json está dañado (%1 en el byte %2); se abrieron las ejecuciones encontradas en la carpeta</translation>
    </message>
    <message>
        <source>project.json does not say it is a PanoCast project; read anyway</source>
        <translation>project.json no indica que sea un proyecto de PanoCast; se ha leído de todos modos</translation>
    </message>
    <message>
        <source>project.json was written by a newer PanoCast Studio; some parts may be missing</source>
        <translation>project.json se escribió con una versión más reciente de PanoCast Studio; puede que falten algunas partes</translation>
    </message>
    <message>
        <source>run &apos;%1&apos; is listed but its folder is gone; skipped</source>
        <translation>la ejecución &apos;%1&apos; figura en la lista, pero su carpeta ya no existe; se omite</translation>
    </message>
    <message>
        <source>%1 &apos;%2&apos; is missing; skipped</source>
        <translation>%1 &apos;%2&apos; no se encuentra; se omite</translation>
    </message>
    <message>
        <source>metrics file</source>
        <translation>archivo de métricas</translation>
    </message>
    <message>
        <source>recording</source>
        <translation>grabación</translation>
    </message>
    <message>
        <source>the panorama &apos;%1&apos; is missing</source>
        <translation>no se encuentra el panorama &apos;%1&apos;</translation>
    </message>
    <message>
        <source>System language</source>
        <translation>Idioma del sistema</translation>
    </message>
    <message>
        <source>Text to 360° scenes, and a live panorama background</source>
        <translation>Escenas 360° a partir de texto y un fondo panorámico en vivo</translation>
    </message>
    <message>
        <source>Equirectangular image to open</source>
        <translation>Imagen equirrectangular que se abrirá</translation>
    </message>
    <message>
        <source>Save a screenshot of the window to FILE and quit</source>
        <translation>Guardar una captura de la ventana en FILE y salir</translation>
    </message>
    <message>
        <source>Initial yaw in degrees</source>
        <translation>Guiñada inicial en grados</translation>
    </message>
    <message>
        <source>Initial pitch in degrees</source>
        <translation>Cabeceo inicial en grados</translation>
    </message>
    <message>
        <source>Initial horizontal field of view in degrees</source>
        <translation>Campo de visión horizontal inicial en grados</translation>
    </message>
    <message>
        <source>rectilinear, stereographic or panini</source>
        <translation>rectilinear, stereographic o panini</translation>
    </message>
    <message>
        <source>Tab to show: scene, panorama, live, metrics or compare</source>
        <translation>Pestaña que se mostrará: scene, panorama, live, metrics o compare</translation>
    </message>
    <message>
        <source>Project folder to open</source>
        <translation>Carpeta de proyecto que se abrirá</translation>
    </message>
    <message>
        <source>not computed for %1</source>
        <translation>no calculado para %1</translation>
    </message>
    <message>
        <source>Overlap PSNR per neighbouring view pair (dB) ↑</source>
        <translation>PSNR de solapamiento por par de vistas vecinas (dB) ↑</translation>
    </message>
    <message>
        <source> (wrap)</source>
        <translation> (cierre)</translation>
    </message>
    <message>
        <source>FID against the number of generated images ↓</source>
        <translation>FID según el número de imágenes generadas ↓</translation>
    </message>
    <message>
        <source>generated images</source>
        <translation>imágenes generadas</translation>
    </message>
    <message>
        <source>needs Inception weights and a reference folder</source>
        <translation>requiere los pesos de Inception y una carpeta de referencia</translation>
    </message>
</context>
<context>
    <name>panocast::CameraSource</name>
    <message>
        <source>Camera “%1” is not connected.</source>
        <translation>La cámara “%1” no está conectada.</translation>
    </message>
    <message>
        <source>Camera “%1”: %2. Retrying…</source>
        <translation>Cámara “%1”: %2. Reintentando…</translation>
    </message>
    <message>
        <source>error</source>
        <translation>error</translation>
    </message>
    <message>
        <source>Camera “%1” was disconnected. Waiting for it to come back…</source>
        <translation>La cámara “%1” se ha desconectado. Esperando a que vuelva…</translation>
    </message>
</context>
<context>
    <name>panocast::CompareSide</name>
    <message>
        <source>View %1</source>
        <translation>Vista %1</translation>
    </message>
    <message>
        <source>Disagreement of views %1 and %2</source>
        <translation>Discrepancia entre las vistas %1 y %2</translation>
    </message>
    <message>
        <source>Computing where neighbouring views disagree…</source>
        <translation>Calculando dónde difieren las vistas vecinas…</translation>
    </message>
    <message>
        <source>%1–%2: %3 dB</source>
        <translation>%1–%2: %3 dB</translation>
    </message>
    <message>
        <source>%1–%2: identical</source>
        <translation>%1–%2: idénticas</translation>
    </message>
    <message>
        <source>Mean overlap PSNR %1 dB over %2 neighbouring pairs (higher: more consistent)</source>
        <translation>PSNR de solapamiento medio de %1 dB en %2 pares vecinos (más alto: más coherente)</translation>
    </message>
</context>
<context>
    <name>panocast::CompareTab</name>
    <message>
        <source>Synchronise the viewers</source>
        <translation>Sincronizar los visores</translation>
    </message>
    <message>
        <source>Disagreement with the right-hand neighbour (0–255):</source>
        <translation>Discrepancia con la vista vecina de la derecha (0–255):</translation>
    </message>
    <message>
        <source>%1 · seed %2 · %3</source>
        <translation>%1 · semilla %2 · %3</translation>
    </message>
    <message>
        <source>none</source>
        <translation>ninguna</translation>
    </message>
    <message>
        <source>comparing neighbouring views</source>
        <translation>comparando las vistas vecinas</translation>
    </message>
    <message>
        <source>Compare: %1</source>
        <translation>Comparación: %1</translation>
    </message>
</context>
<context>
    <name>panocast::FileSource</name>
    <message>
        <source>%1: no frames could be read</source>
        <translation>%1: no se pudo leer ningún fotograma</translation>
    </message>
</context>
<context>
    <name>panocast::GenerationForm</name>
    <message>
        <source>Independent (baseline)</source>
        <translation>Independiente (referencia)</translation>
    </message>
    <message>
        <source>CAA (MVDiffusion)</source>
        <translation>CAA (MVDiffusion)</translation>
    </message>
    <message>
        <source>MultiDiffusion</source>
        <translation>MultiDiffusion</translation>
    </message>
    <message>
        <source>Shared attention</source>
        <translation>Atención compartida</translation>
    </message>
    <message>
        <source>How the eight views are kept consistent: not at all (baseline), MVDiffusion&apos;s trained correspondence-aware attention (needs CAA weights), latent averaging where views overlap, or attention shared with the neighbouring views</source>
        <translation>Cómo se mantiene la coherencia entre las ocho vistas: de ninguna forma (referencia), con la atención consciente de correspondencias entrenada de MVDiffusion (requiere los pesos de CAA), promediando los latentes donde las vistas se solapan, o con atención compartida con las vistas vecinas</translation>
    </message>
    <message>
        <source>Euler</source>
        <translation>Euler</translation>
    </message>
    <message>
        <source>Randomise</source>
        <translation>Aleatorizar</translation>
    </message>
    <message>
        <source>Lock</source>
        <translation>Fijar</translation>
    </message>
    <message>
        <source>Keep this seed for the next runs (otherwise every run draws a new one)</source>
        <translation>Mantener esta semilla en las próximas ejecuciones (si no, cada ejecución elige una nueva)</translation>
    </message>
    <message>
        <source>Automatic</source>
        <translation>Automático</translation>
    </message>
    <message>
        <source>MVDiffusion defaults</source>
        <translation>Valores predeterminados de MVDiffusion</translation>
    </message>
    <message>
        <source>DDIM, 50 steps, guidance 9</source>
        <translation>DDIM, 50 pasos, guía 9</translation>
    </message>
    <message>
        <source>&amp;Method:</source>
        <translation>&amp;Método:</translation>
    </message>
    <message>
        <source>S&amp;cheduler:</source>
        <translation>Pla&amp;nificador:</translation>
    </message>
    <message>
        <source>&amp;Steps:</source>
        <translation>P&amp;asos:</translation>
    </message>
    <message>
        <source>S&amp;eed:</source>
        <translation>&amp;Semilla:</translation>
    </message>
    <message>
        <source>&amp;Device:</source>
        <translation>&amp;Dispositivo:</translation>
    </message>
    <message>
        <source>&amp;Precision:</source>
        <translation>P&amp;recisión:</translation>
    </message>
    <message>
        <source>G&amp;uidance:</source>
        <translation>G&amp;uía:</translation>
    </message>
</context>
<context>
    <name>panocast::JobPanel</name>
    <message>
        <source>Cancel job</source>
        <translation>Cancelar tarea</translation>
    </message>
    <message>
        <source>Clear finished</source>
        <translation>Quitar las terminadas</translation>
    </message>
</context>
<context>
    <name>panocast::JobQueue</name>
    <message>
        <source>Queued</source>
        <translation>En cola</translation>
    </message>
    <message>
        <source>Running</source>
        <translation>En ejecución</translation>
    </message>
    <message>
        <source>Finished</source>
        <translation>Terminada</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Fallida</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Cancelada</translation>
    </message>
    <message>
        <source>waiting for %1</source>
        <translation>esperando a %1</translation>
    </message>
    <message>
        <source>starting</source>
        <translation>iniciando</translation>
    </message>
    <message>
        <source>unknown error</source>
        <translation>error desconocido</translation>
    </message>
    <message>
        <source>cancelled before it started</source>
        <translation>cancelada antes de empezar</translation>
    </message>
    <message>
        <source>cancelling…</source>
        <translation>cancelando…</translation>
    </message>
    <message>
        <source>Job</source>
        <translation>Tarea</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>Progreso</translation>
    </message>
    <message>
        <source>Elapsed</source>
        <translation>Transcurrido</translation>
    </message>
    <message>
        <source>Remaining</source>
        <translation>Restante</translation>
    </message>
</context>
<context>
    <name>panocast::LiveControls</name>
    <message>
        <source>Start preview</source>
        <translation>Iniciar vista previa</translation>
    </message>
    <message>
        <source>Input</source>
        <translation>Entrada</translation>
    </message>
    <message>
        <source>Source:</source>
        <translation>Fuente:</translation>
    </message>
    <message>
        <source>The camera&apos;s horizontal field of view (webcams: 60–78°). The background uses the same.</source>
        <translation>Campo de visión horizontal de la cámara (cámaras web: 60–78°). El fondo usa el mismo.</translation>
    </message>
    <message>
        <source>Camera FOV:</source>
        <translation>FOV de la cámara:</translation>
    </message>
    <message>
        <source>Background</source>
        <translation>Fondo</translation>
    </message>
    <message>
        <source>Equirectangular image</source>
        <translation>Imagen equirrectangular</translation>
    </message>
    <message>
        <source>Panorama:</source>
        <translation>Panorama:</translation>
    </message>
    <message>
        <source>Background panorama</source>
        <translation>Panorama de fondo</translation>
    </message>
    <message>
        <source>Panoramas (*.png *.jpg *.jpeg *.exr *.hdr);;All files (*)</source>
        <translation>Panoramas (*.png *.jpg *.jpeg *.exr *.hdr);;Todos los archivos (*)</translation>
    </message>
    <message>
        <source>Where in the panorama the camera looks when the preview starts or is recentred</source>
        <translation>Hacia qué punto del panorama mira la cámara al iniciar la vista previa o al recentrarla</translation>
    </message>
    <message>
        <source>Recenter</source>
        <translation>Recentrar</translation>
    </message>
    <message>
        <source>Make the camera&apos;s current direction look at the start direction again</source>
        <translation>Hacer que la dirección actual de la cámara vuelva a mirar hacia la dirección inicial</translation>
    </message>
    <message>
        <source>Look at:</source>
        <translation>Mirar hacia:</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>Persona</translation>
    </message>
    <message>
        <source>Selfie (MediaPipe)</source>
        <translation>Selfie (MediaPipe)</translation>
    </message>
    <message>
        <source>Selfie landscape (Meet)</source>
        <translation>Selfie horizontal (Meet)</translation>
    </message>
    <message>
        <source>DeepLabV3 (torchvision .pth)</source>
        <translation>DeepLabV3 (torchvision .pth)</translation>
    </message>
    <message>
        <source>Model:</source>
        <translation>Modelo:</translation>
    </message>
    <message>
        <source>DeepLabV3 weights</source>
        <translation>Pesos de DeepLabV3</translation>
    </message>
    <message>
        <source>PyTorch weights (*.pth *.pt);;All files (*)</source>
        <translation>Pesos de PyTorch (*.pth *.pt);;Todos los archivos (*)</translation>
    </message>
    <message>
        <source>Weights:</source>
        <translation>Pesos:</translation>
    </message>
    <message>
        <source>CPU</source>
        <translation>CPU</translation>
    </message>
    <message>
        <source>CUDA GPU</source>
        <translation>GPU CUDA</translation>
    </message>
    <message>
        <source>Device:</source>
        <translation>Dispositivo:</translation>
    </message>
    <message>
        <source>Temporal smoothing of uncertain edges: more is steadier, less follows motion faster</source>
        <translation>Suavizado temporal de los bordes inciertos: más es más estable; menos sigue antes el movimiento</translation>
    </message>
    <message>
        <source>Smoothing:</source>
        <translation>Suavizado:</translation>
    </message>
    <message>
        <source> px</source>
        <translation> px</translation>
    </message>
    <message>
        <source>Outward feather of the matte</source>
        <translation>Difuminado hacia fuera de la máscara</translation>
    </message>
    <message>
        <source>Feather:</source>
        <translation>Difuminado:</translation>
    </message>
    <message>
        <source>Bring the person&apos;s brightness toward the scene&apos;s</source>
        <translation>Acercar el brillo de la persona al de la escena</translation>
    </message>
    <message>
        <source>Light match:</source>
        <translation>Ajuste de luz:</translation>
    </message>
    <message>
        <source>Overlays</source>
        <translation>Superposiciones</translation>
    </message>
    <message>
        <source>Mask</source>
        <translation>Máscara</translation>
    </message>
    <message>
        <source>Tint the person&apos;s matte</source>
        <translation>Colorear la máscara de la persona</translation>
    </message>
    <message>
        <source>Flow</source>
        <translation>Flujo</translation>
    </message>
    <message>
        <source>Tracked background points and their motion</source>
        <translation>Puntos del fondo seguidos y su movimiento</translation>
    </message>
    <message>
        <source>Angles</source>
        <translation>Ángulos</translation>
    </message>
    <message>
        <source>Tracked yaw, pitch, roll and confidence</source>
        <translation>Guiñada, cabeceo, alabeo y confianza del seguimiento</translation>
    </message>
    <message>
        <source>FPS</source>
        <translation>FPS</translation>
    </message>
    <message>
        <source>Frame rate and milliseconds per stage</source>
        <translation>Fotogramas por segundo y milisegundos por etapa</translation>
    </message>
    <message>
        <source>Recording</source>
        <translation>Grabación</translation>
    </message>
    <message>
        <source>H.264 video (.mp4 or .mkv) at the source&apos;s frame rate</source>
        <translation>Vídeo H.264 (.mp4 o .mkv) a la velocidad de fotogramas de la fuente</translation>
    </message>
    <message>
        <source>File:</source>
        <translation>Archivo:</translation>
    </message>
    <message>
        <source>Record to</source>
        <translation>Grabar en</translation>
    </message>
    <message>
        <source>Video (*.mp4 *.mkv)</source>
        <translation>Vídeo (*.mp4 *.mkv)</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>Grabar</translation>
    </message>
    <message>
        <source> (disconnected)</source>
        <translation> (desconectada)</translation>
    </message>
    <message>
        <source>No camera found</source>
        <translation>No se encontró ninguna cámara</translation>
    </message>
    <message>
        <source>Video file…</source>
        <translation>Archivo de vídeo…</translation>
    </message>
    <message>
        <source>Video as live input</source>
        <translation>Vídeo como entrada en vivo</translation>
    </message>
    <message>
        <source>Videos (*.mp4 *.mkv *.mov *.avi *.webm);;All files (*)</source>
        <translation>Vídeos (*.mp4 *.mkv *.mov *.avi *.webm);;Todos los archivos (*)</translation>
    </message>
    <message>
        <source>Stop preview</source>
        <translation>Detener vista previa</translation>
    </message>
    <message>
        <source>Stop recording</source>
        <translation>Detener grabación</translation>
    </message>
</context>
<context>
    <name>panocast::LiveTab</name>
    <message>
        <source>Choose a camera or a video file and a panorama, then press Start preview.</source>
        <translation>Elija una cámara o un archivo de vídeo y un panorama, y pulse Iniciar vista previa.</translation>
    </message>
    <message>
        <source>Saved the recording to %1 (%2 frames).</source>
        <translation>Grabación guardada en %1 (%2 fotogramas).</translation>
    </message>
    <message>
        <source>No input: connect a camera, or choose “Video file…” under Input.</source>
        <translation>Sin entrada: conecte una cámara o elija “Archivo de vídeo…” en Entrada.</translation>
    </message>
    <message>
        <source>No background: open a panorama in the Panorama tab, or choose one under Background.</source>
        <translation>Sin fondo: abra un panorama en la pestaña Panorama o elija uno en Fondo.</translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation>Iniciando…</translation>
    </message>
    <message>
        <source>Stopped. Press Start preview to go on.</source>
        <translation>Detenido. Pulse Iniciar vista previa para continuar.</translation>
    </message>
    <message>
        <source>Start the preview before recording.</source>
        <translation>Inicie la vista previa antes de grabar.</translation>
    </message>
    <message>
        <source>Choose a file to record to.</source>
        <translation>Elija un archivo en el que grabar.</translation>
    </message>
    <message>
        <source>Cannot create the folder %1</source>
        <translation>No se puede crear la carpeta %1</translation>
    </message>
    <message>
        <source>%1 fps</source>
        <translation>%1 fps</translation>
    </message>
    <message>
        <source>latency %1 ms</source>
        <translation>latencia %1 ms</translation>
    </message>
    <message>
        <source>dropped %1</source>
        <translation>descartados %1</translation>
    </message>
    <message>
        <source>yaw %1°  pitch %2°  roll %3°  confidence %4%5</source>
        <translation>guiñada %1°  cabeceo %2°  alabeo %3°  confianza %4%5</translation>
    </message>
    <message>
        <source> (held)</source>
        <translation> (retenido)</translation>
    </message>
    <message>
        <source>segment %1 · track %2 · background %3 · composite %4 ms</source>
        <translation>segmentación %1 · seguimiento %2 · fondo %3 · composición %4 ms</translation>
    </message>
    <message>
        <source>– fps</source>
        <translation>– fps</translation>
    </message>
    <message>
        <source>latency – ms</source>
        <translation>latencia – ms</translation>
    </message>
    <message>
        <source>dropped –</source>
        <translation>descartados –</translation>
    </message>
</context>
<context>
    <name>panocast::LiveWorker</name>
    <message>
        <source>Start the preview before recording.</source>
        <translation>Inicie la vista previa antes de grabar.</translation>
    </message>
    <message>
        <source>Recording %1 failed: %2</source>
        <translation>Error al grabar %1: %2</translation>
    </message>
</context>
<context>
    <name>panocast::MainWindow</name>
    <message>
        <source>Scene</source>
        <translation>Escena</translation>
    </message>
    <message>
        <source>&lt;p&gt;This build has no text engine (ICU), which generation needs.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Esta compilación no incluye el motor de texto (ICU) que necesita la generación.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Panorama</source>
        <translation>Panorama</translation>
    </message>
    <message>
        <source>Live</source>
        <translation>En vivo</translation>
    </message>
    <message>
        <source>&lt;p&gt;This build has no OpenCV, which live video needs.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Esta compilación no incluye OpenCV, que necesita el vídeo en vivo.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Metrics</source>
        <translation>Métricas</translation>
    </message>
    <message>
        <source>Compare</source>
        <translation>Comparar</translation>
    </message>
    <message>
        <source>Jobs</source>
        <translation>Tareas</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>Listo</translation>
    </message>
    <message>
        <source>Opened %1</source>
        <translation>Se ha abierto %1</translation>
    </message>
    <message>
        <source>A job failed: %1</source>
        <translation>Una tarea ha fallado: %1</translation>
    </message>
    <message>
        <source>Cannot save the project</source>
        <translation>No se puede guardar el proyecto</translation>
    </message>
    <message>
        <source>Cannot open the project</source>
        <translation>No se puede abrir el proyecto</translation>
    </message>
    <message>
        <source>The project opened with problems</source>
        <translation>El proyecto se abrió con problemas</translation>
    </message>
    <message>
        <source>Some parts of %1 could not be opened:
• %2</source>
        <translation>No se pudieron abrir algunas partes de %1:
• %2</translation>
    </message>
    <message>
        <source>Opened project %1</source>
        <translation>Se ha abierto el proyecto %1</translation>
    </message>
    <message>
        <source>Save project as</source>
        <translation>Guardar proyecto como</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>Se ha guardado %1</translation>
    </message>
    <message>
        <source>Cannot move the project now</source>
        <translation>No se puede mover el proyecto ahora</translation>
    </message>
    <message>
        <source>A generation is writing into the project; wait for it or cancel it.</source>
        <translation>Hay una generación escribiendo en el proyecto; espere a que termine o cancélela.</translation>
    </message>
    <message>
        <source>%1[*] — PanoCast Studio</source>
        <translation>%1[*] — PanoCast Studio</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Archivo</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Salir</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ver</translation>
    </message>
    <message>
        <source>&amp;Projection</source>
        <translation>&amp;Proyección</translation>
    </message>
    <message>
        <source>&amp;Rectilinear</source>
        <translation>&amp;Rectilínea</translation>
    </message>
    <message>
        <source>&amp;Little planet</source>
        <translation>Pequeño p&amp;laneta</translation>
    </message>
    <message>
        <source>&amp;Panini</source>
        <translation>&amp;Panini</translation>
    </message>
    <message>
        <source>&amp;Jobs</source>
        <translation>&amp;Tareas</translation>
    </message>
    <message>
        <source>&amp;Go</source>
        <translation>&amp;Ir</translation>
    </message>
    <message>
        <source>&amp;Scene</source>
        <translation>&amp;Escena</translation>
    </message>
    <message>
        <source>&amp;Panorama</source>
        <translation>&amp;Panorama</translation>
    </message>
    <message>
        <source>&amp;Live</source>
        <translation>En &amp;vivo</translation>
    </message>
    <message>
        <source>&amp;Metrics</source>
        <translation>&amp;Métricas</translation>
    </message>
    <message>
        <source>&amp;Compare</source>
        <translation>&amp;Comparar</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>Ay&amp;uda</translation>
    </message>
    <message>
        <source>&amp;About PanoCast Studio</source>
        <translation>&amp;Acerca de PanoCast Studio</translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation>Acerca de &amp;Qt</translation>
    </message>
    <message>
        <source>&amp;New Project</source>
        <translation>&amp;Nuevo proyecto</translation>
    </message>
    <message>
        <source>&amp;Open Project…</source>
        <translation>&amp;Abrir proyecto…</translation>
    </message>
    <message>
        <source>Open project folder</source>
        <translation>Abrir carpeta de proyecto</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>Abrir &amp;reciente</translation>
    </message>
    <message>
        <source>&amp;Save Project</source>
        <translation>&amp;Guardar proyecto</translation>
    </message>
    <message>
        <source>Save Project &amp;As…</source>
        <translation>Guardar proyecto &amp;como…</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Idioma</translation>
    </message>
    <message>
        <source>The new language applies after a restart. Restart PanoCast Studio now?</source>
        <translation>El nuevo idioma se aplicará tras reiniciar. ¿Reiniciar PanoCast Studio ahora?</translation>
    </message>
    <message>
        <source>About PanoCast Studio</source>
        <translation>Acerca de PanoCast Studio</translation>
    </message>
    <message>
        <source>&lt;h3&gt;PanoCast Studio %1&lt;/h3&gt;&lt;p&gt;Text to 360° scenes with multi-view diffusion, and a live camera-aware panorama background.&lt;/p&gt;&lt;pre&gt;%2&lt;/pre&gt;</source>
        <translation>&lt;h3&gt;PanoCast Studio %1&lt;/h3&gt;&lt;p&gt;Escenas 360° a partir de texto mediante difusión multivista, y un fondo panorámico en vivo que sigue a la cámara.&lt;/p&gt;&lt;pre&gt;%2&lt;/pre&gt;</translation>
    </message>
    <message>
        <source>Cancelling running jobs…</source>
        <translation>Cancelando las tareas en curso…</translation>
    </message>
    <message>
        <source>Cannot save the metrics</source>
        <translation>No se pueden guardar las métricas</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Metrics saved in %1</source>
        <translation>Métricas guardadas en %1</translation>
    </message>
    <message>
        <source>Se&amp;ttings…</source>
        <translation>Con&amp;figuración…</translation>
    </message>
</context>
<context>
    <name>panocast::MetricsTab</name>
    <message>
        <source>Generated runs</source>
        <translation>Ejecuciones generadas</translation>
    </message>
    <message>
        <source>Seed</source>
        <translation>Semilla</translation>
    </message>
    <message>
        <source>Runs are scored per method; check the ones to include</source>
        <translation>Las ejecuciones se evalúan por método; marque las que desee incluir</translation>
    </message>
    <message>
        <source>Add run folder…</source>
        <translation>Añadir carpeta de ejecución…</translation>
    </message>
    <message>
        <source>real images for FID and KID (optional)</source>
        <translation>imágenes reales para FID y KID (opcional)</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Examinar…</translation>
    </message>
    <message>
        <source>View consistency (overlap PSNR/SSIM, seams)</source>
        <translation>Coherencia entre vistas (PSNR/SSIM de solapamiento, costuras)</translation>
    </message>
    <message>
        <source>FID against the number of images</source>
        <translation>FID según el número de imágenes</translation>
    </message>
    <message>
        <source>&amp;Score</source>
        <translation>&amp;Evaluar</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>Reference folder:</source>
        <translation>Carpeta de referencia:</translation>
    </message>
    <message>
        <source>Run folder (view_0.png … and run.json)</source>
        <translation>Carpeta de ejecución (view_0.png … y run.json)</translation>
    </message>
    <message>
        <source>Reference images</source>
        <translation>Imágenes de referencia</translation>
    </message>
    <message>
        <source>Overview</source>
        <translation>Resumen</translation>
    </message>
    <message>
        <source>View pairs</source>
        <translation>Pares de vistas</translation>
    </message>
    <message>
        <source>FID curve</source>
        <translation>Curva de FID</translation>
    </message>
    <message>
        <source>Table</source>
        <translation>Tabla</translation>
    </message>
    <message>
        <source>Export PNG…</source>
        <translation>Exportar PNG…</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>Exportar CSV…</translation>
    </message>
    <message>
        <source>Export JSON…</source>
        <translation>Exportar JSON…</translation>
    </message>
    <message>
        <source>Export chart</source>
        <translation>Exportar gráfico</translation>
    </message>
    <message>
        <source>PNG image (*.png)</source>
        <translation>Imagen PNG (*.png)</translation>
    </message>
    <message>
        <source>Cannot write %1</source>
        <translation>No se puede escribir %1</translation>
    </message>
    <message>
        <source>Export table</source>
        <translation>Exportar tabla</translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <source>Export reports</source>
        <translation>Exportar informes</translation>
    </message>
    <message>
        <source>JSON (*.json)</source>
        <translation>JSON (*.json)</translation>
    </message>
    <message>
        <source>No runs to score: generate some in the Scene tab, or add run folders.</source>
        <translation>No hay ejecuciones que evaluar: genere algunas en la pestaña Escena o añada carpetas de ejecución.</translation>
    </message>
    <message>
        <source>The reference folder %1 does not exist.</source>
        <translation>La carpeta de referencia %1 no existe.</translation>
    </message>
    <message>
        <source>Metrics: %1 (%2 runs)</source>
        <translation>Métricas: %1 (%2 ejecuciones)</translation>
    </message>
    <message>
        <source>Scoring %1 method(s)…</source>
        <translation>Evaluando %1 método(s)…</translation>
    </message>
    <message>
        <source>Scoring %1 failed: %2</source>
        <translation>Error al evaluar %1: %2</translation>
    </message>
    <message>
        <source>Scoring cancelled.</source>
        <translation>Evaluación cancelada.</translation>
    </message>
    <message>
        <source>Scored %1 method(s).</source>
        <translation>%1 método(s) evaluado(s).</translation>
    </message>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <source>FID, KID and Inception Score need the FID Inception weights: set them in Settings → Models.</source>
        <translation>FID, KID e Inception Score necesitan los pesos FID Inception: defínalos en Configuración → Modelos.</translation>
    </message>
    <message>
        <source>Inception weights: %1</source>
        <translation>Pesos Inception: %1</translation>
    </message>
    <message>
        <source>CLIP score needs a CLIP model: set it in Settings → Models.</source>
        <translation>La puntuación CLIP necesita un modelo CLIP: defínalo en Configuración → Modelos.</translation>
    </message>
    <message>
        <source>CLIP model: %1</source>
        <translation>Modelo CLIP: %1</translation>
    </message>
    <message>
        <source>View consistency needs nothing.</source>
        <translation>La coherencia entre vistas no necesita nada.</translation>
    </message>
</context>
<context>
    <name>panocast::PanoramaTab</name>
    <message>
        <source>Open…</source>
        <translation>Abrir…</translation>
    </message>
    <message>
        <source>Open an equirectangular image (PNG, JPEG, EXR, HDR)</source>
        <translation>Abrir una imagen equirrectangular (PNG, JPEG, EXR, HDR)</translation>
    </message>
    <message>
        <source>Export view…</source>
        <translation>Exportar vista…</translation>
    </message>
    <message>
        <source>Projection:</source>
        <translation>Proyección:</translation>
    </message>
    <message>
        <source>Rectilinear</source>
        <translation>Rectilínea</translation>
    </message>
    <message>
        <source>Little planet (stereographic)</source>
        <translation>Pequeño planeta (estereográfica)</translation>
    </message>
    <message>
        <source>Panini</source>
        <translation>Panini</translation>
    </message>
    <message>
        <source>Reset view</source>
        <translation>Restablecer vista</translation>
    </message>
    <message>
        <source>Auto-rotate</source>
        <translation>Rotación automática</translation>
    </message>
    <message>
        <source>Turn slowly after 3 s without input</source>
        <translation>Girar lentamente tras 3 s sin interacción</translation>
    </message>
    <message>
        <source>Fullscreen</source>
        <translation>Pantalla completa</translation>
    </message>
    <message>
        <source>&lt;h2&gt;No panorama open&lt;/h2&gt;&lt;p&gt;Open an equirectangular image (File ▸ Open, Ctrl+O) or generate a scene in the Scene tab.&lt;/p&gt;&lt;p&gt;Drag to look around, scroll to zoom, arrow keys to turn, Home to reset.&lt;/p&gt;</source>
        <translation>&lt;h2&gt;No hay ningún panorama abierto&lt;/h2&gt;&lt;p&gt;Abra una imagen equirrectangular (Archivo ▸ Abrir, Ctrl+O) o genere una escena en la pestaña Escena.&lt;/p&gt;&lt;p&gt;Arrastre para mirar alrededor, use la rueda para acercar o alejar, las flechas para girar e Inicio para restablecer.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Cannot open panorama</source>
        <translation>No se puede abrir el panorama</translation>
    </message>
    <message>
        <source>Not an equirectangular panorama</source>
        <translation>No es un panorama equirrectangular</translation>
    </message>
    <message>
        <source>%1 is %2×%3 pixels. An equirectangular panorama is exactly twice as wide as it is high (360° × 180°).</source>
        <translation>%1 mide %2×%3 píxeles. Un panorama equirrectangular es exactamente el doble de ancho que de alto (360° × 180°).</translation>
    </message>
    <message>
        <source>Open panorama</source>
        <translation>Abrir panorama</translation>
    </message>
    <message>
        <source>Panoramas (*.png *.jpg *.jpeg *.exr *.hdr);;All files (*)</source>
        <translation>Panoramas (*.png *.jpg *.jpeg *.exr *.hdr);;Todos los archivos (*)</translation>
    </message>
    <message>
        <source>Export view</source>
        <translation>Exportar vista</translation>
    </message>
    <message>
        <source>Open a panorama first.</source>
        <translation>Abra primero un panorama.</translation>
    </message>
    <message>
        <source>Export current view</source>
        <translation>Exportar la vista actual</translation>
    </message>
    <message>
        <source>Width (pixels):</source>
        <translation>Ancho (píxeles):</translation>
    </message>
    <message>
        <source>Height (pixels):</source>
        <translation>Alto (píxeles):</translation>
    </message>
    <message>
        <source>Save view as</source>
        <translation>Guardar vista como</translation>
    </message>
    <message>
        <source>PNG image (*.png)</source>
        <translation>Imagen PNG (*.png)</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>Error al exportar</translation>
    </message>
    <message>
        <source>Could not write %1.</source>
        <translation>No se pudo escribir %1.</translation>
    </message>
    <message>
        <source>no panorama</source>
        <translation>sin panorama</translation>
    </message>
    <message>
        <source>%1 — yaw %2°, pitch %3°, field of view %4°</source>
        <translation>%1 — guiñada %2°, cabeceo %3°, campo de visión %4°</translation>
    </message>
</context>
<context>
    <name>panocast::PlaceholderTab</name>
    <message>
        <source>Not available in this version yet.</source>
        <translation>Todavía no está disponible en esta versión.</translation>
    </message>
</context>
<context>
    <name>panocast::ProjectSession</name>
    <message>
        <source>Untitled</source>
        <translation>Sin título</translation>
    </message>
</context>
<context>
    <name>panocast::PromptEditor</name>
    <message>
        <source>One prompt for all views</source>
        <translation>Un prompt para todas las vistas</translation>
    </message>
    <message>
        <source>One prompt per view</source>
        <translation>Un prompt por vista</translation>
    </message>
    <message>
        <source>Presets…</source>
        <translation>Preajustes…</translation>
    </message>
    <message>
        <source>Prompt</source>
        <translation>Prompt</translation>
    </message>
    <message>
        <source>What to avoid (optional)</source>
        <translation>Qué evitar (opcional)</translation>
    </message>
    <message>
        <source>&amp;Negative prompt:</source>
        <translation>Prompt &amp;negativo:</translation>
    </message>
    <message>
        <source>no model set: tokens are counted once a model is chosen in Settings</source>
        <translation>no hay ningún modelo definido: los tokens se cuentan cuando se elige un modelo en Configuración</translation>
    </message>
    <message>
        <source>tokens cannot be counted: %1</source>
        <translation>no se pueden contar los tokens: %1</translation>
    </message>
    <message>
        <source>Recent prompts…</source>
        <translation>Prompts recientes…</translation>
    </message>
    <message>
        <source>%1 / %2 tokens</source>
        <translation>%1 / %2 tokens</translation>
    </message>
    <message>
        <source>cut after &quot;%1&quot;; ignored: &quot;%2&quot;</source>
        <translation>cortado tras &quot;%1&quot;; ignorado: &quot;%2&quot;</translation>
    </message>
    <message>
        <source>longest: %1 / %2 tokens</source>
        <translation>el más largo: %1 / %2 tokens</translation>
    </message>
    <message>
        <source>negative: </source>
        <translation>negativo: </translation>
    </message>
    <message>
        <source>Describe the scene in English (the text encoder reads English), e.g. a well-lit living room with large windows</source>
        <translation>Describa la escena en inglés (el codificador de texto lee inglés), p. ej. a well-lit living room with large windows</translation>
    </message>
</context>
<context>
    <name>panocast::SceneTab</name>
    <message>
        <source>&amp;Generate</source>
        <translation>&amp;Generar</translation>
    </message>
    <message>
        <source>Generate the eight views with the chosen method and stitch the panorama</source>
        <translation>Generar las ocho vistas con el método elegido y unirlas en el panorama</translation>
    </message>
    <message>
        <source>Generate baseline and CAA</source>
        <translation>Generar referencia y CAA</translation>
    </message>
    <message>
        <source>Two runs with the same prompts and seed: the independent baseline and CAA, for the Compare tab</source>
        <translation>Dos ejecuciones con los mismos prompts y semilla: la referencia independiente y CAA, para la pestaña Comparar</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>Type a scene and press Generate.</source>
        <translation>Escriba una escena y pulse Generar.</translation>
    </message>
    <message>
        <source>No Stable Diffusion model is set. Open Settings → Models and choose a stable-diffusion-2-base folder (diffusers layout).</source>
        <translation>No hay ningún modelo de Stable Diffusion definido. Abra Configuración → Modelos y elija una carpeta stable-diffusion-2-base (estructura de diffusers).</translation>
    </message>
    <message>
        <source>The Stable Diffusion model cannot be used: %1. Fix it in Settings → Models.</source>
        <translation>No se puede usar el modelo de Stable Diffusion: %1. Corríjalo en Configuración → Modelos.</translation>
    </message>
    <message>
        <source>Type a prompt first.</source>
        <translation>Escriba primero un prompt.</translation>
    </message>
    <message>
        <source>The prompt for yaw %1° is empty: fill in every view, or use one prompt for all views.</source>
        <translation>El prompt de la guiñada %1° está vacío: rellene todas las vistas o use un prompt para todas las vistas.</translation>
    </message>
    <message>
        <source>The CAA method needs MVDiffusion&apos;s weights: set &quot;CAA weights&quot; in Settings → Models (pano.ckpt or caa.safetensors), or choose another method.</source>
        <translation>El método CAA necesita los pesos de MVDiffusion: defina &quot;Pesos de CAA&quot; en Configuración → Modelos (pano.ckpt o caa.safetensors) o elija otro método.</translation>
    </message>
    <message>
        <source>No project folder to write the run into.</source>
        <translation>No hay ninguna carpeta de proyecto en la que escribir la ejecución.</translation>
    </message>
    <message>
        <source>step %1 of %2</source>
        <translation>paso %1 de %2</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Queued on %1 (seed %2).</source>
        <translation>En cola en %1 (semilla %2).</translation>
    </message>
    <message>
        <source>%1 finished in %2 s (seed %3): %4</source>
        <translation>%1 terminado en %2 s (semilla %3): %4</translation>
    </message>
    <message>
        <source>%1 failed: %2</source>
        <translation>%1 ha fallado: %2</translation>
    </message>
    <message>
        <source>%1 cancelled.</source>
        <translation>%1 cancelado.</translation>
    </message>
    <message>
        <source>View %1 of %2 (yaw %3°)</source>
        <translation>Vista %1 de %2 (guiñada %3°)</translation>
    </message>
</context>
<context>
    <name>panocast::SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>Configuración</translation>
    </message>
    <message>
        <source>General</source>
        <translation>General</translation>
    </message>
    <message>
        <source>Models</source>
        <translation>Modelos</translation>
    </message>
    <message>
        <source>System</source>
        <translation>Sistema</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Claro</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Oscuro</translation>
    </message>
    <message>
        <source>Automatic (GPU when available)</source>
        <translation>Automático (GPU si está disponible)</translation>
    </message>
    <message>
        <source>Automatic (fp16 on GPU, fp32 on CPU)</source>
        <translation>Automático (fp16 en GPU, fp32 en CPU)</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>&amp;Idioma:</translation>
    </message>
    <message>
        <source>&lt;small&gt;A new language applies after a restart.&lt;/small&gt;</source>
        <translation>&lt;small&gt;El nuevo idioma se aplicará tras reiniciar.&lt;/small&gt;</translation>
    </message>
    <message>
        <source>&amp;Theme:</source>
        <translation>&amp;Tema:</translation>
    </message>
    <message>
        <source>&amp;Device:</source>
        <translation>&amp;Dispositivo:</translation>
    </message>
    <message>
        <source>&amp;Precision:</source>
        <translation>&amp;Precisión:</translation>
    </message>
    <message>
        <source>folder</source>
        <translation>carpeta</translation>
    </message>
    <message>
        <source>file</source>
        <translation>archivo</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Examinar…</translation>
    </message>
</context>
<context>
    <name>panocast::ViewGrid</name>
    <message>
        <source>yaw %1°</source>
        <translation>guiñada %1°</translation>
    </message>
</context>
<context>
    <name>panocast::ViewTile</name>
    <message>
        <source>Click to open the view large</source>
        <translation>Haga clic para ampliar la vista</translation>
    </message>
    <message>
        <source>%1 · preview</source>
        <translation>%1 · vista previa</translation>
    </message>
</context>
</TS>
