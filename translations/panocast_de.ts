<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de">
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
        <translation>Überlappungs-PSNR</translation>
    </message>
    <message>
        <source>Overlap SSIM</source>
        <translation>Überlappungs-SSIM</translation>
    </message>
    <message>
        <source>Seam / background step</source>
        <translation>Nahtsprung / Hintergrundsprung</translation>
    </message>
    <message>
        <source>CLIP score</source>
        <translation>CLIP-Score</translation>
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
        <translation>Erzeugt die acht Ansichten (Text-Encoder, UNet, VAE).</translation>
    </message>
    <message>
        <source>Download stabilityai/stable-diffusion-2-base in the diffusers layout (a folder with model_index.json), or choose a single-file checkpoint and set its config folder below.</source>
        <translation>Laden Sie stabilityai/stable-diffusion-2-base im diffusers-Format herunter (ein Ordner mit model_index.json), oder wählen Sie einen Einzeldatei-Checkpoint und legen Sie unten dessen Konfigurationsordner fest.</translation>
    </message>
    <message>
        <source>Config folder for single-file checkpoints</source>
        <translation>Konfigurationsordner für Einzeldatei-Checkpoints</translation>
    </message>
    <message>
        <source>Configs and tokenizer for a .safetensors/.ckpt model file.</source>
        <translation>Konfigurationen und Tokenizer für eine .safetensors/.ckpt-Modelldatei.</translation>
    </message>
    <message>
        <source>Any diffusers folder of the same architecture, e.g. stable-diffusion-2-base.</source>
        <translation>Ein beliebiger diffusers-Ordner derselben Architektur, z. B. stable-diffusion-2-base.</translation>
    </message>
    <message>
        <source>CAA weights (MVDiffusion)</source>
        <translation>CAA-Gewichte (MVDiffusion)</translation>
    </message>
    <message>
        <source>Correspondence-aware attention for the CAA method.</source>
        <translation>Korrespondenzbewusste Attention für die CAA-Methode.</translation>
    </message>
    <message>
        <source>MVDiffusion&apos;s released pano.ckpt, or caa.safetensors made from it with &apos;panocast convert --in pano.ckpt --out DIR&apos;.</source>
        <translation>Die von MVDiffusion veröffentlichte pano.ckpt oder eine daraus mit „panocast convert --in pano.ckpt --out DIR“ erzeugte caa.safetensors.</translation>
    </message>
    <message>
        <source>CLIP (transformers folder)</source>
        <translation>CLIP (transformers-Ordner)</translation>
    </message>
    <message>
        <source>CLIP score in the Metrics tab.</source>
        <translation>CLIP-Score im Tab „Metriken“.</translation>
    </message>
    <message>
        <source>FID Inception weights</source>
        <translation>FID-Inception-Gewichte</translation>
    </message>
    <message>
        <source>FID, Inception Score and KID in the Metrics tab.</source>
        <translation>FID, Inception Score und KID im Tab „Metriken“.</translation>
    </message>
    <message>
        <source>pt_inception-2015-12-05-6726825d.pth, the file pytorch-fid and torch-fidelity download.</source>
        <translation>pt_inception-2015-12-05-6726825d.pth, die Datei, die pytorch-fid und torch-fidelity herunterladen.</translation>
    </message>
    <message>
        <source>Selfie segmentation models</source>
        <translation>Selfie-Segmentierungsmodelle</translation>
    </message>
    <message>
        <source>Cuts the person out in the Live tab.</source>
        <translation>Stellt die Person im Tab „Live“ frei.</translation>
    </message>
    <message>
        <source>Set-up fetches them from npm (@mediapipe/selfie_segmentation) into data/models; leave empty to use those.</source>
        <translation>Die Einrichtung lädt sie von npm (@mediapipe/selfie_segmentation) nach data/models; leer lassen, um diese zu verwenden.</translation>
    </message>
    <message>
        <source>DeepLabV3 weights</source>
        <translation>DeepLabV3-Gewichte</translation>
    </message>
    <message>
        <source>The alternative person segmenter in the Live tab.</source>
        <translation>Die alternative Personensegmentierung im Tab „Live“.</translation>
    </message>
    <message>
        <source>torchvision&apos;s deeplabv3_mobilenet_v3_large_coco .pth file.</source>
        <translation>Die .pth-Datei deeplabv3_mobilenet_v3_large_coco von torchvision.</translation>
    </message>
    <message>
        <source>not set</source>
        <translation>nicht festgelegt</translation>
    </message>
    <message>
        <source>found</source>
        <translation>gefunden</translation>
    </message>
    <message>
        <source>missing</source>
        <translation>fehlt</translation>
    </message>
    <message>
        <source>not usable</source>
        <translation>nicht verwendbar</translation>
    </message>
    <message>
        <source>%1 does not exist</source>
        <translation>%1 existiert nicht</translation>
    </message>
    <message>
        <source>no model_index.json: not a diffusers folder</source>
        <translation>keine model_index.json: kein diffusers-Ordner</translation>
    </message>
    <message>
        <source>the folder has no %1/</source>
        <translation>dem Ordner fehlt %1/</translation>
    </message>
    <message>
        <source>diffusers folder</source>
        <translation>diffusers-Ordner</translation>
    </message>
    <message>
        <source>single-file checkpoint (%1 MB)</source>
        <translation>Einzeldatei-Checkpoint (%1 MB)</translation>
    </message>
    <message>
        <source>expected a folder</source>
        <translation>Ordner erwartet</translation>
    </message>
    <message>
        <source>expected a file</source>
        <translation>Datei erwartet</translation>
    </message>
    <message>
        <source>no config.json: not a transformers folder</source>
        <translation>keine config.json: kein transformers-Ordner</translation>
    </message>
    <message>
        <source>no selfie_segmentation.tflite inside</source>
        <translation>enthält keine selfie_segmentation.tflite</translation>
    </message>
    <message>
        <source>folder</source>
        <translation>Ordner</translation>
    </message>
    <message>
        <source>%1 MB</source>
        <translation>%1 MB</translation>
    </message>
    <message>
        <source>openai/clip-vit-base-patch16 (or -base-patch32, -large-patch14) in the transformers layout, or OpenAI&apos;s .pt converted with: panocast convert --in ViT-B-16.pt --out DIR --tokenizer SD-MODEL/tokenizer</source>
        <translation>openai/clip-vit-base-patch16 (oder -base-patch32, -large-patch14) im transformers-Format, oder OpenAIs .pt, umgewandelt mit: panocast convert --in ViT-B-16.pt --out DIR --tokenizer SD-MODEL/tokenizer</translation>
    </message>
</context>
<context>
    <name>PromptPresets</name>
    <message>
        <source>Living room</source>
        <translation>Wohnzimmer</translation>
    </message>
    <message>
        <source>Kitchen</source>
        <translation>Küche</translation>
    </message>
    <message>
        <source>Lecture hall</source>
        <translation>Hörsaal</translation>
    </message>
    <message>
        <source>Martian classroom</source>
        <translation>Klassenzimmer auf dem Mars</translation>
    </message>
    <message>
        <source>Futuristic city</source>
        <translation>Futuristische Stadt</translation>
    </message>
    <message>
        <source>Library (one prompt per view)</source>
        <translation>Bibliothek (ein Prompt pro Ansicht)</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <source>Choose a file</source>
        <translation>Datei auswählen</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a list; ignored</source>
        <translation>„%1“ ist keine Liste; ignoriert</translation>
    </message>
    <message>
        <source>&apos;%1&apos; holds a value that is not text; skipped</source>
        <translation>„%1“ enthält einen Wert, der kein Text ist; übersprungen</translation>
    </message>
    <message>
        <source>project.json is missing or unreadable; the runs found in the folder were opened</source>
        <translation>project.json fehlt oder ist nicht lesbar; die im Ordner gefundenen Durchläufe wurden geöffnet</translation>
    </message>
    <message>
        <source>project.json is damaged (%1 at byte %2); the runs found in the folder were opened</source>
        <translation>project.json ist beschädigt (%1 bei Byte %2); die im Ordner gefundenen Durchläufe wurden geöffnet</translation>
    </message>
    <message>
        <source>project.json does not say it is a PanoCast project; read anyway</source>
        <translation>project.json weist sich nicht als PanoCast-Projekt aus; trotzdem gelesen</translation>
    </message>
    <message>
        <source>project.json was written by a newer PanoCast Studio; some parts may be missing</source>
        <translation>project.json wurde von einer neueren Version von PanoCast Studio geschrieben; einige Teile fehlen möglicherweise</translation>
    </message>
    <message>
        <source>run &apos;%1&apos; is listed but its folder is gone; skipped</source>
        <translation>Durchlauf „%1“ ist aufgeführt, aber sein Ordner fehlt; übersprungen</translation>
    </message>
    <message>
        <source>%1 &apos;%2&apos; is missing; skipped</source>
        <translation>%1 „%2“ fehlt; übersprungen</translation>
    </message>
    <message>
        <source>metrics file</source>
        <translation>Metrikdatei</translation>
    </message>
    <message>
        <source>recording</source>
        <translation>Aufnahme</translation>
    </message>
    <message>
        <source>the panorama &apos;%1&apos; is missing</source>
        <translation>das Panorama „%1“ fehlt</translation>
    </message>
    <message>
        <source>System language</source>
        <translation>Systemsprache</translation>
    </message>
    <message>
        <source>Text to 360° scenes, and a live panorama background</source>
        <translation>Text zu 360°-Szenen und ein Live-Panoramahintergrund</translation>
    </message>
    <message>
        <source>Equirectangular image to open</source>
        <translation>Zu öffnendes equirektangulares Bild</translation>
    </message>
    <message>
        <source>Save a screenshot of the window to FILE and quit</source>
        <translation>Ein Bildschirmfoto des Fensters in FILE speichern und beenden</translation>
    </message>
    <message>
        <source>Initial yaw in degrees</source>
        <translation>Anfänglicher Gierwinkel in Grad</translation>
    </message>
    <message>
        <source>Initial pitch in degrees</source>
        <translation>Anfänglicher Nickwinkel in Grad</translation>
    </message>
    <message>
        <source>Initial horizontal field of view in degrees</source>
        <translation>Anfängliches horizontales Sichtfeld in Grad</translation>
    </message>
    <message>
        <source>rectilinear, stereographic or panini</source>
        <translation>rectilinear, stereographic oder panini</translation>
    </message>
    <message>
        <source>Tab to show: scene, panorama, live, metrics or compare</source>
        <translation>Anzuzeigender Tab: scene, panorama, live, metrics oder compare</translation>
    </message>
    <message>
        <source>Project folder to open</source>
        <translation>Zu öffnender Projektordner</translation>
    </message>
    <message>
        <source>not computed for %1</source>
        <translation>nicht berechnet für %1</translation>
    </message>
    <message>
        <source>Overlap PSNR per neighbouring view pair (dB) ↑</source>
        <translation>Überlappungs-PSNR je Paar benachbarter Ansichten (dB) ↑</translation>
    </message>
    <message>
        <source> (wrap)</source>
        <translation> (Umlauf)</translation>
    </message>
    <message>
        <source>FID against the number of generated images ↓</source>
        <translation>FID in Abhängigkeit von der Anzahl generierter Bilder ↓</translation>
    </message>
    <message>
        <source>generated images</source>
        <translation>generierte Bilder</translation>
    </message>
    <message>
        <source>needs Inception weights and a reference folder</source>
        <translation>benötigt Inception-Gewichte und einen Referenzordner</translation>
    </message>
</context>
<context>
    <name>panocast::CameraSource</name>
    <message>
        <source>Camera “%1” is not connected.</source>
        <translation>Kamera „%1“ ist nicht verbunden.</translation>
    </message>
    <message>
        <source>Camera “%1”: %2. Retrying…</source>
        <translation>Kamera „%1“: %2. Neuer Versuch…</translation>
    </message>
    <message>
        <source>error</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <source>Camera “%1” was disconnected. Waiting for it to come back…</source>
        <translation>Kamera „%1“ wurde getrennt. Warten auf erneute Verbindung…</translation>
    </message>
</context>
<context>
    <name>panocast::CompareSide</name>
    <message>
        <source>View %1</source>
        <translation>Ansicht %1</translation>
    </message>
    <message>
        <source>Disagreement of views %1 and %2</source>
        <translation>Abweichung zwischen den Ansichten %1 und %2</translation>
    </message>
    <message>
        <source>Computing where neighbouring views disagree…</source>
        <translation>Abweichungen zwischen benachbarten Ansichten werden berechnet…</translation>
    </message>
    <message>
        <source>%1–%2: %3 dB</source>
        <translation>%1–%2: %3 dB</translation>
    </message>
    <message>
        <source>%1–%2: identical</source>
        <translation>%1–%2: identisch</translation>
    </message>
    <message>
        <source>Mean overlap PSNR %1 dB over %2 neighbouring pairs (higher: more consistent)</source>
        <translation>Überlappungs-PSNR im Mittel %1 dB über %2 benachbarte Paare (höher: konsistenter)</translation>
    </message>
</context>
<context>
    <name>panocast::CompareTab</name>
    <message>
        <source>Synchronise the viewers</source>
        <translation>Betrachter synchronisieren</translation>
    </message>
    <message>
        <source>Disagreement with the right-hand neighbour (0–255):</source>
        <translation>Abweichung von der rechten Nachbaransicht (0–255):</translation>
    </message>
    <message>
        <source>%1 · seed %2 · %3</source>
        <translation>%1 · Seed %2 · %3</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keiner</translation>
    </message>
    <message>
        <source>comparing neighbouring views</source>
        <translation>benachbarte Ansichten werden verglichen</translation>
    </message>
    <message>
        <source>Compare: %1</source>
        <translation>Vergleich: %1</translation>
    </message>
</context>
<context>
    <name>panocast::FileSource</name>
    <message>
        <source>%1: no frames could be read</source>
        <translation>%1: Es konnten keine Bilder gelesen werden</translation>
    </message>
</context>
<context>
    <name>panocast::GenerationForm</name>
    <message>
        <source>Independent (baseline)</source>
        <translation>Unabhängig (Baseline)</translation>
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
        <translation>Geteilte Attention</translation>
    </message>
    <message>
        <source>How the eight views are kept consistent: not at all (baseline), MVDiffusion&apos;s trained correspondence-aware attention (needs CAA weights), latent averaging where views overlap, or attention shared with the neighbouring views</source>
        <translation>Wie die acht Ansichten konsistent gehalten werden: gar nicht (Baseline), mit der trainierten korrespondenzbewussten Attention von MVDiffusion (benötigt CAA-Gewichte), durch Mittelung der Latents, wo sich Ansichten überlappen, oder mit Attention, die mit den Nachbaransichten geteilt wird</translation>
    </message>
    <message>
        <source>Euler</source>
        <translation>Euler</translation>
    </message>
    <message>
        <source>Randomise</source>
        <translation>Zufällig</translation>
    </message>
    <message>
        <source>Lock</source>
        <translation>Fixieren</translation>
    </message>
    <message>
        <source>Keep this seed for the next runs (otherwise every run draws a new one)</source>
        <translation>Diesen Seed für die nächsten Durchläufe beibehalten (sonst zieht jeder Durchlauf einen neuen)</translation>
    </message>
    <message>
        <source>Automatic</source>
        <translation>Automatisch</translation>
    </message>
    <message>
        <source>MVDiffusion defaults</source>
        <translation>MVDiffusion-Standardwerte</translation>
    </message>
    <message>
        <source>DDIM, 50 steps, guidance 9</source>
        <translation>DDIM, 50 Schritte, Guidance 9</translation>
    </message>
    <message>
        <source>&amp;Method:</source>
        <translation>&amp;Methode:</translation>
    </message>
    <message>
        <source>S&amp;cheduler:</source>
        <translation>Sc&amp;heduler:</translation>
    </message>
    <message>
        <source>&amp;Steps:</source>
        <translation>&amp;Schritte:</translation>
    </message>
    <message>
        <source>S&amp;eed:</source>
        <translation>S&amp;eed:</translation>
    </message>
    <message>
        <source>&amp;Device:</source>
        <translation>Ge&amp;rät:</translation>
    </message>
    <message>
        <source>&amp;Precision:</source>
        <translation>&amp;Präzision:</translation>
    </message>
    <message>
        <source>G&amp;uidance:</source>
        <translation>G&amp;uidance:</translation>
    </message>
</context>
<context>
    <name>panocast::JobPanel</name>
    <message>
        <source>Cancel job</source>
        <translation>Auftrag abbrechen</translation>
    </message>
    <message>
        <source>Clear finished</source>
        <translation>Abgeschlossene entfernen</translation>
    </message>
</context>
<context>
    <name>panocast::JobQueue</name>
    <message>
        <source>Queued</source>
        <translation>In Warteschlange</translation>
    </message>
    <message>
        <source>Running</source>
        <translation>Läuft</translation>
    </message>
    <message>
        <source>Finished</source>
        <translation>Abgeschlossen</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Abgebrochen</translation>
    </message>
    <message>
        <source>waiting for %1</source>
        <translation>wartet auf %1</translation>
    </message>
    <message>
        <source>starting</source>
        <translation>wird gestartet</translation>
    </message>
    <message>
        <source>unknown error</source>
        <translation>unbekannter Fehler</translation>
    </message>
    <message>
        <source>cancelled before it started</source>
        <translation>vor dem Start abgebrochen</translation>
    </message>
    <message>
        <source>cancelling…</source>
        <translation>wird abgebrochen…</translation>
    </message>
    <message>
        <source>Job</source>
        <translation>Auftrag</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>Fortschritt</translation>
    </message>
    <message>
        <source>Elapsed</source>
        <translation>Verstrichen</translation>
    </message>
    <message>
        <source>Remaining</source>
        <translation>Verbleibend</translation>
    </message>
</context>
<context>
    <name>panocast::LiveControls</name>
    <message>
        <source>Start preview</source>
        <translation>Vorschau starten</translation>
    </message>
    <message>
        <source>Input</source>
        <translation>Eingabe</translation>
    </message>
    <message>
        <source>Source:</source>
        <translation>Quelle:</translation>
    </message>
    <message>
        <source>The camera&apos;s horizontal field of view (webcams: 60–78°). The background uses the same.</source>
        <translation>Horizontales Sichtfeld der Kamera (Webcams: 60–78°). Der Hintergrund verwendet dasselbe.</translation>
    </message>
    <message>
        <source>Camera FOV:</source>
        <translation>Kamera-Sichtfeld:</translation>
    </message>
    <message>
        <source>Background</source>
        <translation>Hintergrund</translation>
    </message>
    <message>
        <source>Equirectangular image</source>
        <translation>Equirektangulares Bild</translation>
    </message>
    <message>
        <source>Panorama:</source>
        <translation>Panorama:</translation>
    </message>
    <message>
        <source>Background panorama</source>
        <translation>Hintergrundpanorama</translation>
    </message>
    <message>
        <source>Panoramas (*.png *.jpg *.jpeg *.exr *.hdr);;All files (*)</source>
        <translation>Panoramen (*.png *.jpg *.jpeg *.exr *.hdr);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Where in the panorama the camera looks when the preview starts or is recentred</source>
        <translation>Wohin im Panorama die Kamera blickt, wenn die Vorschau startet oder neu zentriert wird</translation>
    </message>
    <message>
        <source>Recenter</source>
        <translation>Neu zentrieren</translation>
    </message>
    <message>
        <source>Make the camera&apos;s current direction look at the start direction again</source>
        <translation>Die aktuelle Kamerarichtung wieder auf die Startrichtung ausrichten</translation>
    </message>
    <message>
        <source>Look at:</source>
        <translation>Blickrichtung:</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>Person</translation>
    </message>
    <message>
        <source>Selfie (MediaPipe)</source>
        <translation>Selfie (MediaPipe)</translation>
    </message>
    <message>
        <source>Selfie landscape (Meet)</source>
        <translation>Selfie Querformat (Meet)</translation>
    </message>
    <message>
        <source>DeepLabV3 (torchvision .pth)</source>
        <translation>DeepLabV3 (torchvision .pth)</translation>
    </message>
    <message>
        <source>Model:</source>
        <translation>Modell:</translation>
    </message>
    <message>
        <source>DeepLabV3 weights</source>
        <translation>DeepLabV3-Gewichte</translation>
    </message>
    <message>
        <source>PyTorch weights (*.pth *.pt);;All files (*)</source>
        <translation>PyTorch-Gewichte (*.pth *.pt);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Weights:</source>
        <translation>Gewichte:</translation>
    </message>
    <message>
        <source>CPU</source>
        <translation>CPU</translation>
    </message>
    <message>
        <source>CUDA GPU</source>
        <translation>CUDA-GPU</translation>
    </message>
    <message>
        <source>Device:</source>
        <translation>Gerät:</translation>
    </message>
    <message>
        <source>Temporal smoothing of uncertain edges: more is steadier, less follows motion faster</source>
        <translation>Zeitliche Glättung unsicherer Kanten: mehr ist ruhiger, weniger folgt Bewegungen schneller</translation>
    </message>
    <message>
        <source>Smoothing:</source>
        <translation>Glättung:</translation>
    </message>
    <message>
        <source> px</source>
        <translation> px</translation>
    </message>
    <message>
        <source>Outward feather of the matte</source>
        <translation>Weiche Kante der Maske nach außen</translation>
    </message>
    <message>
        <source>Feather:</source>
        <translation>Weiche Kante:</translation>
    </message>
    <message>
        <source>Bring the person&apos;s brightness toward the scene&apos;s</source>
        <translation>Helligkeit der Person an die der Szene angleichen</translation>
    </message>
    <message>
        <source>Light match:</source>
        <translation>Lichtangleichung:</translation>
    </message>
    <message>
        <source>Overlays</source>
        <translation>Einblendungen</translation>
    </message>
    <message>
        <source>Mask</source>
        <translation>Maske</translation>
    </message>
    <message>
        <source>Tint the person&apos;s matte</source>
        <translation>Maske der Person einfärben</translation>
    </message>
    <message>
        <source>Flow</source>
        <translation>Fluss</translation>
    </message>
    <message>
        <source>Tracked background points and their motion</source>
        <translation>Verfolgte Hintergrundpunkte und ihre Bewegung</translation>
    </message>
    <message>
        <source>Angles</source>
        <translation>Winkel</translation>
    </message>
    <message>
        <source>Tracked yaw, pitch, roll and confidence</source>
        <translation>Verfolgter Gier-, Nick- und Rollwinkel sowie Konfidenz</translation>
    </message>
    <message>
        <source>FPS</source>
        <translation>FPS</translation>
    </message>
    <message>
        <source>Frame rate and milliseconds per stage</source>
        <translation>Bildrate und Millisekunden pro Verarbeitungsstufe</translation>
    </message>
    <message>
        <source>Recording</source>
        <translation>Aufnahme</translation>
    </message>
    <message>
        <source>H.264 video (.mp4 or .mkv) at the source&apos;s frame rate</source>
        <translation>H.264-Video (.mp4 oder .mkv) mit der Bildrate der Quelle</translation>
    </message>
    <message>
        <source>File:</source>
        <translation>Datei:</translation>
    </message>
    <message>
        <source>Record to</source>
        <translation>Aufnehmen in</translation>
    </message>
    <message>
        <source>Video (*.mp4 *.mkv)</source>
        <translation>Video (*.mp4 *.mkv)</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>Aufnehmen</translation>
    </message>
    <message>
        <source> (disconnected)</source>
        <translation> (getrennt)</translation>
    </message>
    <message>
        <source>No camera found</source>
        <translation>Keine Kamera gefunden</translation>
    </message>
    <message>
        <source>Video file…</source>
        <translation>Videodatei…</translation>
    </message>
    <message>
        <source>Video as live input</source>
        <translation>Video als Live-Eingabe</translation>
    </message>
    <message>
        <source>Videos (*.mp4 *.mkv *.mov *.avi *.webm);;All files (*)</source>
        <translation>Videos (*.mp4 *.mkv *.mov *.avi *.webm);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Stop preview</source>
        <translation>Vorschau beenden</translation>
    </message>
    <message>
        <source>Stop recording</source>
        <translation>Aufnahme beenden</translation>
    </message>
</context>
<context>
    <name>panocast::LiveTab</name>
    <message>
        <source>Choose a camera or a video file and a panorama, then press Start preview.</source>
        <translation>Wählen Sie eine Kamera oder eine Videodatei und ein Panorama, und klicken Sie dann auf „Vorschau starten“.</translation>
    </message>
    <message>
        <source>Saved the recording to %1 (%2 frames).</source>
        <translation>Aufnahme in %1 gespeichert (%2 Bilder).</translation>
    </message>
    <message>
        <source>No input: connect a camera, or choose “Video file…” under Input.</source>
        <translation>Keine Eingabe: Schließen Sie eine Kamera an, oder wählen Sie unter „Eingabe“ die Option „Videodatei…“.</translation>
    </message>
    <message>
        <source>No background: open a panorama in the Panorama tab, or choose one under Background.</source>
        <translation>Kein Hintergrund: Öffnen Sie ein Panorama im Tab „Panorama“, oder wählen Sie eines unter „Hintergrund“.</translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation>Wird gestartet…</translation>
    </message>
    <message>
        <source>Stopped. Press Start preview to go on.</source>
        <translation>Angehalten. Klicken Sie auf „Vorschau starten“, um fortzufahren.</translation>
    </message>
    <message>
        <source>Start the preview before recording.</source>
        <translation>Starten Sie die Vorschau vor der Aufnahme.</translation>
    </message>
    <message>
        <source>Choose a file to record to.</source>
        <translation>Wählen Sie eine Datei für die Aufnahme.</translation>
    </message>
    <message>
        <source>Cannot create the folder %1</source>
        <translation>Der Ordner %1 kann nicht erstellt werden</translation>
    </message>
    <message>
        <source>%1 fps</source>
        <translation>%1 fps</translation>
    </message>
    <message>
        <source>latency %1 ms</source>
        <translation>Latenz %1 ms</translation>
    </message>
    <message>
        <source>dropped %1</source>
        <translation>verworfen: %1</translation>
    </message>
    <message>
        <source>yaw %1°  pitch %2°  roll %3°  confidence %4%5</source>
        <translation>Gier %1°  Nick %2°  Roll %3°  Konfidenz %4%5</translation>
    </message>
    <message>
        <source> (held)</source>
        <translation> (gehalten)</translation>
    </message>
    <message>
        <source>segment %1 · track %2 · background %3 · composite %4 ms</source>
        <translation>Segmentierung %1 · Tracking %2 · Hintergrund %3 · Komposition %4 ms</translation>
    </message>
    <message>
        <source>– fps</source>
        <translation>– fps</translation>
    </message>
    <message>
        <source>latency – ms</source>
        <translation>Latenz – ms</translation>
    </message>
    <message>
        <source>dropped –</source>
        <translation>verworfen: –</translation>
    </message>
</context>
<context>
    <name>panocast::LiveWorker</name>
    <message>
        <source>Start the preview before recording.</source>
        <translation>Starten Sie die Vorschau vor der Aufnahme.</translation>
    </message>
    <message>
        <source>Recording %1 failed: %2</source>
        <translation>Aufnahme %1 fehlgeschlagen: %2</translation>
    </message>
</context>
<context>
    <name>panocast::MainWindow</name>
    <message>
        <source>Scene</source>
        <translation>Szene</translation>
    </message>
    <message>
        <source>&lt;p&gt;This build has no text engine (ICU), which generation needs.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Diesem Build fehlt die Text-Engine (ICU), die für die Generierung benötigt wird.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Panorama</source>
        <translation>Panorama</translation>
    </message>
    <message>
        <source>Live</source>
        <translation>Live</translation>
    </message>
    <message>
        <source>&lt;p&gt;This build has no OpenCV, which live video needs.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Diesem Build fehlt OpenCV, das für Live-Video benötigt wird.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Metrics</source>
        <translation>Metriken</translation>
    </message>
    <message>
        <source>Compare</source>
        <translation>Vergleich</translation>
    </message>
    <message>
        <source>Jobs</source>
        <translation>Aufträge</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>Bereit</translation>
    </message>
    <message>
        <source>Opened %1</source>
        <translation>%1 geöffnet</translation>
    </message>
    <message>
        <source>A job failed: %1</source>
        <translation>Ein Auftrag ist fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>Cannot save the project</source>
        <translation>Das Projekt kann nicht gespeichert werden</translation>
    </message>
    <message>
        <source>Cannot open the project</source>
        <translation>Das Projekt kann nicht geöffnet werden</translation>
    </message>
    <message>
        <source>The project opened with problems</source>
        <translation>Das Projekt wurde mit Problemen geöffnet</translation>
    </message>
    <message>
        <source>Some parts of %1 could not be opened:
• %2</source>
        <translation>Einige Teile von %1 konnten nicht geöffnet werden:
• %2</translation>
    </message>
    <message>
        <source>Opened project %1</source>
        <translation>Projekt %1 geöffnet</translation>
    </message>
    <message>
        <source>Save project as</source>
        <translation>Projekt speichern unter</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>%1 gespeichert</translation>
    </message>
    <message>
        <source>Cannot move the project now</source>
        <translation>Das Projekt kann jetzt nicht verschoben werden</translation>
    </message>
    <message>
        <source>A generation is writing into the project; wait for it or cancel it.</source>
        <translation>Eine Generierung schreibt gerade in das Projekt; warten Sie, bis sie fertig ist, oder brechen Sie sie ab.</translation>
    </message>
    <message>
        <source>%1[*] — PanoCast Studio</source>
        <translation>%1[*] — PanoCast Studio</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>&amp;Projection</source>
        <translation>&amp;Projektion</translation>
    </message>
    <message>
        <source>&amp;Rectilinear</source>
        <translation>&amp;Rektilinear</translation>
    </message>
    <message>
        <source>&amp;Little planet</source>
        <translation>&amp;Kleiner Planet</translation>
    </message>
    <message>
        <source>&amp;Panini</source>
        <translation>&amp;Panini</translation>
    </message>
    <message>
        <source>&amp;Jobs</source>
        <translation>&amp;Aufträge</translation>
    </message>
    <message>
        <source>&amp;Go</source>
        <translation>&amp;Gehe zu</translation>
    </message>
    <message>
        <source>&amp;Scene</source>
        <translation>&amp;Szene</translation>
    </message>
    <message>
        <source>&amp;Panorama</source>
        <translation>&amp;Panorama</translation>
    </message>
    <message>
        <source>&amp;Live</source>
        <translation>&amp;Live</translation>
    </message>
    <message>
        <source>&amp;Metrics</source>
        <translation>&amp;Metriken</translation>
    </message>
    <message>
        <source>&amp;Compare</source>
        <translation>&amp;Vergleich</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>&amp;About PanoCast Studio</source>
        <translation>Ü&amp;ber PanoCast Studio</translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation>Über &amp;Qt</translation>
    </message>
    <message>
        <source>&amp;New Project</source>
        <translation>&amp;Neues Projekt</translation>
    </message>
    <message>
        <source>&amp;Open Project…</source>
        <translation>Projekt ö&amp;ffnen…</translation>
    </message>
    <message>
        <source>Open project folder</source>
        <translation>Projektordner öffnen</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>&amp;Zuletzt geöffnet</translation>
    </message>
    <message>
        <source>&amp;Save Project</source>
        <translation>Projekt &amp;speichern</translation>
    </message>
    <message>
        <source>Save Project &amp;As…</source>
        <translation>Projekt speichern &amp;unter…</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Sprache</translation>
    </message>
    <message>
        <source>The new language applies after a restart. Restart PanoCast Studio now?</source>
        <translation>Die neue Sprache wird nach einem Neustart wirksam. PanoCast Studio jetzt neu starten?</translation>
    </message>
    <message>
        <source>About PanoCast Studio</source>
        <translation>Über PanoCast Studio</translation>
    </message>
    <message>
        <source>&lt;h3&gt;PanoCast Studio %1&lt;/h3&gt;&lt;p&gt;Text to 360° scenes with multi-view diffusion, and a live camera-aware panorama background.&lt;/p&gt;&lt;pre&gt;%2&lt;/pre&gt;</source>
        <translation>&lt;h3&gt;PanoCast Studio %1&lt;/h3&gt;&lt;p&gt;Text zu 360°-Szenen mit Multi-View-Diffusion und ein Live-Panoramahintergrund, der der Kamera folgt.&lt;/p&gt;&lt;pre&gt;%2&lt;/pre&gt;</translation>
    </message>
    <message>
        <source>Cancelling running jobs…</source>
        <translation>Laufende Aufträge werden abgebrochen…</translation>
    </message>
    <message>
        <source>Cannot save the metrics</source>
        <translation>Die Metriken können nicht gespeichert werden</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Metrics saved in %1</source>
        <translation>Metriken in %1 gespeichert</translation>
    </message>
    <message>
        <source>Se&amp;ttings…</source>
        <translation>&amp;Einstellungen…</translation>
    </message>
</context>
<context>
    <name>panocast::MetricsTab</name>
    <message>
        <source>Generated runs</source>
        <translation>Generierte Durchläufe</translation>
    </message>
    <message>
        <source>Seed</source>
        <translation>Seed</translation>
    </message>
    <message>
        <source>Runs are scored per method; check the ones to include</source>
        <translation>Durchläufe werden pro Methode ausgewertet; markieren Sie die einzubeziehenden</translation>
    </message>
    <message>
        <source>Add run folder…</source>
        <translation>Durchlaufordner hinzufügen…</translation>
    </message>
    <message>
        <source>real images for FID and KID (optional)</source>
        <translation>echte Bilder für FID und KID (optional)</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Durchsuchen…</translation>
    </message>
    <message>
        <source>View consistency (overlap PSNR/SSIM, seams)</source>
        <translation>Ansichtskonsistenz (Überlappungs-PSNR/-SSIM, Nähte)</translation>
    </message>
    <message>
        <source>FID against the number of images</source>
        <translation>FID in Abhängigkeit von der Bildanzahl</translation>
    </message>
    <message>
        <source>&amp;Score</source>
        <translation>Aus&amp;werten</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Reference folder:</source>
        <translation>Referenzordner:</translation>
    </message>
    <message>
        <source>Run folder (view_0.png … and run.json)</source>
        <translation>Durchlaufordner (view_0.png … und run.json)</translation>
    </message>
    <message>
        <source>Reference images</source>
        <translation>Referenzbilder</translation>
    </message>
    <message>
        <source>Overview</source>
        <translation>Übersicht</translation>
    </message>
    <message>
        <source>View pairs</source>
        <translation>Ansichtspaare</translation>
    </message>
    <message>
        <source>FID curve</source>
        <translation>FID-Kurve</translation>
    </message>
    <message>
        <source>Table</source>
        <translation>Tabelle</translation>
    </message>
    <message>
        <source>Export PNG…</source>
        <translation>PNG exportieren…</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>CSV exportieren…</translation>
    </message>
    <message>
        <source>Export JSON…</source>
        <translation>JSON exportieren…</translation>
    </message>
    <message>
        <source>Export chart</source>
        <translation>Diagramm exportieren</translation>
    </message>
    <message>
        <source>PNG image (*.png)</source>
        <translation>PNG-Bild (*.png)</translation>
    </message>
    <message>
        <source>Cannot write %1</source>
        <translation>%1 kann nicht geschrieben werden</translation>
    </message>
    <message>
        <source>Export table</source>
        <translation>Tabelle exportieren</translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <source>Export reports</source>
        <translation>Berichte exportieren</translation>
    </message>
    <message>
        <source>JSON (*.json)</source>
        <translation>JSON (*.json)</translation>
    </message>
    <message>
        <source>No runs to score: generate some in the Scene tab, or add run folders.</source>
        <translation>Keine Durchläufe zum Auswerten: Generieren Sie welche im Tab „Szene“, oder fügen Sie Durchlaufordner hinzu.</translation>
    </message>
    <message>
        <source>The reference folder %1 does not exist.</source>
        <translation>Der Referenzordner %1 existiert nicht.</translation>
    </message>
    <message>
        <source>Metrics: %1 (%2 runs)</source>
        <translation>Metriken: %1 (%2 Durchläufe)</translation>
    </message>
    <message>
        <source>Scoring %1 method(s)…</source>
        <translation>%1 Methode(n) werden ausgewertet…</translation>
    </message>
    <message>
        <source>Scoring %1 failed: %2</source>
        <translation>Auswertung von %1 fehlgeschlagen: %2</translation>
    </message>
    <message>
        <source>Scoring cancelled.</source>
        <translation>Auswertung abgebrochen.</translation>
    </message>
    <message>
        <source>Scored %1 method(s).</source>
        <translation>%1 Methode(n) ausgewertet.</translation>
    </message>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <source>FID, KID and Inception Score need the FID Inception weights: set them in Settings → Models.</source>
        <translation>FID, KID und Inception Score brauchen die FID-Inception-Gewichte: Legen Sie sie unter Einstellungen → Modelle fest.</translation>
    </message>
    <message>
        <source>Inception weights: %1</source>
        <translation>Inception-Gewichte: %1</translation>
    </message>
    <message>
        <source>CLIP score needs a CLIP model: set it in Settings → Models.</source>
        <translation>Der CLIP-Score braucht ein CLIP-Modell: Legen Sie es unter Einstellungen → Modelle fest.</translation>
    </message>
    <message>
        <source>CLIP model: %1</source>
        <translation>CLIP-Modell: %1</translation>
    </message>
    <message>
        <source>View consistency needs nothing.</source>
        <translation>Die Ansichtskonsistenz braucht nichts davon.</translation>
    </message>
</context>
<context>
    <name>panocast::PanoramaTab</name>
    <message>
        <source>Open…</source>
        <translation>Öffnen…</translation>
    </message>
    <message>
        <source>Open an equirectangular image (PNG, JPEG, EXR, HDR)</source>
        <translation>Ein equirektangulares Bild öffnen (PNG, JPEG, EXR, HDR)</translation>
    </message>
    <message>
        <source>Export view…</source>
        <translation>Ansicht exportieren…</translation>
    </message>
    <message>
        <source>Projection:</source>
        <translation>Projektion:</translation>
    </message>
    <message>
        <source>Rectilinear</source>
        <translation>Rektilinear</translation>
    </message>
    <message>
        <source>Little planet (stereographic)</source>
        <translation>Kleiner Planet (stereografisch)</translation>
    </message>
    <message>
        <source>Panini</source>
        <translation>Panini</translation>
    </message>
    <message>
        <source>Reset view</source>
        <translation>Ansicht zurücksetzen</translation>
    </message>
    <message>
        <source>Auto-rotate</source>
        <translation>Automatisch drehen</translation>
    </message>
    <message>
        <source>Turn slowly after 3 s without input</source>
        <translation>Nach 3 s ohne Eingabe langsam drehen</translation>
    </message>
    <message>
        <source>Fullscreen</source>
        <translation>Vollbild</translation>
    </message>
    <message>
        <source>&lt;h2&gt;No panorama open&lt;/h2&gt;&lt;p&gt;Open an equirectangular image (File ▸ Open, Ctrl+O) or generate a scene in the Scene tab.&lt;/p&gt;&lt;p&gt;Drag to look around, scroll to zoom, arrow keys to turn, Home to reset.&lt;/p&gt;</source>
        <translation>&lt;h2&gt;Kein Panorama geöffnet&lt;/h2&gt;&lt;p&gt;Öffnen Sie ein equirektangulares Bild (Datei ▸ Öffnen, Strg+O) oder generieren Sie eine Szene im Tab „Szene“.&lt;/p&gt;&lt;p&gt;Ziehen zum Umsehen, Scrollen zum Zoomen, Pfeiltasten zum Drehen, Pos1 zum Zurücksetzen.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Cannot open panorama</source>
        <translation>Panorama kann nicht geöffnet werden</translation>
    </message>
    <message>
        <source>Not an equirectangular panorama</source>
        <translation>Kein equirektangulares Panorama</translation>
    </message>
    <message>
        <source>%1 is %2×%3 pixels. An equirectangular panorama is exactly twice as wide as it is high (360° × 180°).</source>
        <translation>%1 hat %2×%3 Pixel. Ein equirektangulares Panorama ist genau doppelt so breit wie hoch (360° × 180°).</translation>
    </message>
    <message>
        <source>Open panorama</source>
        <translation>Panorama öffnen</translation>
    </message>
    <message>
        <source>Panoramas (*.png *.jpg *.jpeg *.exr *.hdr);;All files (*)</source>
        <translation>Panoramen (*.png *.jpg *.jpeg *.exr *.hdr);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Export view</source>
        <translation>Ansicht exportieren</translation>
    </message>
    <message>
        <source>Open a panorama first.</source>
        <translation>Öffnen Sie zuerst ein Panorama.</translation>
    </message>
    <message>
        <source>Export current view</source>
        <translation>Aktuelle Ansicht exportieren</translation>
    </message>
    <message>
        <source>Width (pixels):</source>
        <translation>Breite (Pixel):</translation>
    </message>
    <message>
        <source>Height (pixels):</source>
        <translation>Höhe (Pixel):</translation>
    </message>
    <message>
        <source>Save view as</source>
        <translation>Ansicht speichern unter</translation>
    </message>
    <message>
        <source>PNG image (*.png)</source>
        <translation>PNG-Bild (*.png)</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>Export fehlgeschlagen</translation>
    </message>
    <message>
        <source>Could not write %1.</source>
        <translation>%1 konnte nicht geschrieben werden.</translation>
    </message>
    <message>
        <source>no panorama</source>
        <translation>kein Panorama</translation>
    </message>
    <message>
        <source>%1 — yaw %2°, pitch %3°, field of view %4°</source>
        <translation>%1 — Gier %2°, Nick %3°, Sichtfeld %4°</translation>
    </message>
</context>
<context>
    <name>panocast::PlaceholderTab</name>
    <message>
        <source>Not available in this version yet.</source>
        <translation>In dieser Version noch nicht verfügbar.</translation>
    </message>
</context>
<context>
    <name>panocast::ProjectSession</name>
    <message>
        <source>Untitled</source>
        <translation>Unbenannt</translation>
    </message>
</context>
<context>
    <name>panocast::PromptEditor</name>
    <message>
        <source>One prompt for all views</source>
        <translation>Ein Prompt für alle Ansichten</translation>
    </message>
    <message>
        <source>One prompt per view</source>
        <translation>Ein Prompt pro Ansicht</translation>
    </message>
    <message>
        <source>Presets…</source>
        <translation>Vorlagen…</translation>
    </message>
    <message>
        <source>Prompt</source>
        <translation>Prompt</translation>
    </message>
    <message>
        <source>What to avoid (optional)</source>
        <translation>Was vermieden werden soll (optional)</translation>
    </message>
    <message>
        <source>&amp;Negative prompt:</source>
        <translation>&amp;Negativer Prompt:</translation>
    </message>
    <message>
        <source>no model set: tokens are counted once a model is chosen in Settings</source>
        <translation>kein Modell festgelegt: Tokens werden gezählt, sobald in den Einstellungen ein Modell gewählt ist</translation>
    </message>
    <message>
        <source>tokens cannot be counted: %1</source>
        <translation>Tokens können nicht gezählt werden: %1</translation>
    </message>
    <message>
        <source>Recent prompts…</source>
        <translation>Letzte Prompts…</translation>
    </message>
    <message>
        <source>%1 / %2 tokens</source>
        <translation>%1 / %2 Tokens</translation>
    </message>
    <message>
        <source>cut after &quot;%1&quot;; ignored: &quot;%2&quot;</source>
        <translation>abgeschnitten nach „%1“; ignoriert: „%2“</translation>
    </message>
    <message>
        <source>longest: %1 / %2 tokens</source>
        <translation>längster: %1 / %2 Tokens</translation>
    </message>
    <message>
        <source>negative: </source>
        <translation>negativ: </translation>
    </message>
    <message>
        <source>Describe the scene in English (the text encoder reads English), e.g. a well-lit living room with large windows</source>
        <translation>Beschreiben Sie die Szene auf Englisch (der Text-Encoder versteht Englisch), z. B. a well-lit living room with large windows</translation>
    </message>
</context>
<context>
    <name>panocast::SceneTab</name>
    <message>
        <source>&amp;Generate</source>
        <translation>&amp;Generieren</translation>
    </message>
    <message>
        <source>Generate the eight views with the chosen method and stitch the panorama</source>
        <translation>Die acht Ansichten mit der gewählten Methode generieren und zum Panorama zusammenfügen</translation>
    </message>
    <message>
        <source>Generate baseline and CAA</source>
        <translation>Baseline und CAA generieren</translation>
    </message>
    <message>
        <source>Two runs with the same prompts and seed: the independent baseline and CAA, for the Compare tab</source>
        <translation>Zwei Durchläufe mit denselben Prompts und demselben Seed: die unabhängige Baseline und CAA, für den Tab „Vergleich“</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Type a scene and press Generate.</source>
        <translation>Beschreiben Sie eine Szene und klicken Sie auf „Generieren“.</translation>
    </message>
    <message>
        <source>No Stable Diffusion model is set. Open Settings → Models and choose a stable-diffusion-2-base folder (diffusers layout).</source>
        <translation>Es ist kein Stable-Diffusion-Modell festgelegt. Öffnen Sie Einstellungen → Modelle und wählen Sie einen stable-diffusion-2-base-Ordner (diffusers-Format).</translation>
    </message>
    <message>
        <source>The Stable Diffusion model cannot be used: %1. Fix it in Settings → Models.</source>
        <translation>Das Stable-Diffusion-Modell kann nicht verwendet werden: %1. Beheben Sie das unter Einstellungen → Modelle.</translation>
    </message>
    <message>
        <source>Type a prompt first.</source>
        <translation>Geben Sie zuerst einen Prompt ein.</translation>
    </message>
    <message>
        <source>The prompt for yaw %1° is empty: fill in every view, or use one prompt for all views.</source>
        <translation>Der Prompt für die Ansicht bei %1° Gierwinkel ist leer: Füllen Sie jede Ansicht aus, oder verwenden Sie einen Prompt für alle Ansichten.</translation>
    </message>
    <message>
        <source>The CAA method needs MVDiffusion&apos;s weights: set &quot;CAA weights&quot; in Settings → Models (pano.ckpt or caa.safetensors), or choose another method.</source>
        <translation>Die CAA-Methode benötigt die Gewichte von MVDiffusion: Legen Sie „CAA-Gewichte“ unter Einstellungen → Modelle fest (pano.ckpt oder caa.safetensors), oder wählen Sie eine andere Methode.</translation>
    </message>
    <message>
        <source>No project folder to write the run into.</source>
        <translation>Kein Projektordner vorhanden, in den der Durchlauf geschrieben werden kann.</translation>
    </message>
    <message>
        <source>step %1 of %2</source>
        <translation>Schritt %1 von %2</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Queued on %1 (seed %2).</source>
        <translation>In Warteschlange für %1 (Seed %2).</translation>
    </message>
    <message>
        <source>%1 finished in %2 s (seed %3): %4</source>
        <translation>%1 in %2 s abgeschlossen (Seed %3): %4</translation>
    </message>
    <message>
        <source>%1 failed: %2</source>
        <translation>%1 fehlgeschlagen: %2</translation>
    </message>
    <message>
        <source>%1 cancelled.</source>
        <translation>%1 abgebrochen.</translation>
    </message>
    <message>
        <source>View %1 of %2 (yaw %3°)</source>
        <translation>Ansicht %1 von %2 (Gierwinkel %3°)</translation>
    </message>
</context>
<context>
    <name>panocast::SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>General</source>
        <translation>Allgemein</translation>
    </message>
    <message>
        <source>Models</source>
        <translation>Modelle</translation>
    </message>
    <message>
        <source>System</source>
        <translation>System</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Hell</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Dunkel</translation>
    </message>
    <message>
        <source>Automatic (GPU when available)</source>
        <translation>Automatisch (GPU, falls verfügbar)</translation>
    </message>
    <message>
        <source>Automatic (fp16 on GPU, fp32 on CPU)</source>
        <translation>Automatisch (fp16 auf GPU, fp32 auf CPU)</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>&amp;Sprache:</translation>
    </message>
    <message>
        <source>&lt;small&gt;A new language applies after a restart.&lt;/small&gt;</source>
        <translation>&lt;small&gt;Eine neue Sprache wird nach einem Neustart wirksam.&lt;/small&gt;</translation>
    </message>
    <message>
        <source>&amp;Theme:</source>
        <translation>&amp;Design:</translation>
    </message>
    <message>
        <source>&amp;Device:</source>
        <translation>&amp;Gerät:</translation>
    </message>
    <message>
        <source>&amp;Precision:</source>
        <translation>&amp;Präzision:</translation>
    </message>
    <message>
        <source>folder</source>
        <translation>Ordner</translation>
    </message>
    <message>
        <source>file</source>
        <translation>Datei</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Durchsuchen…</translation>
    </message>
</context>
<context>
    <name>panocast::ViewGrid</name>
    <message>
        <source>yaw %1°</source>
        <translation>Gierwinkel %1°</translation>
    </message>
</context>
<context>
    <name>panocast::ViewTile</name>
    <message>
        <source>Click to open the view large</source>
        <translation>Klicken, um die Ansicht groß zu öffnen</translation>
    </message>
    <message>
        <source>%1 · preview</source>
        <translation>%1 · Vorschau</translation>
    </message>
</context>
</TS>
