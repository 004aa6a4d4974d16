<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr">
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
        <translation>PSNR de chevauchement</translation>
    </message>
    <message>
        <source>Overlap SSIM</source>
        <translation>SSIM de chevauchement</translation>
    </message>
    <message>
        <source>Seam / background step</source>
        <translation>Saut aux raccords / saut de fond</translation>
    </message>
    <message>
        <source>CLIP score</source>
        <translation>Score CLIP</translation>
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
        <translation>Génère les huit vues (encodeur de texte, UNet, VAE).</translation>
    </message>
    <message>
        <source>Download stabilityai/stable-diffusion-2-base in the diffusers layout (a folder with model_index.json), or choose a single-file checkpoint and set its config folder below.</source>
        <translation>Téléchargez stabilityai/stable-diffusion-2-base au format diffusers (un dossier contenant model_index.json), ou choisissez un checkpoint en fichier unique et indiquez son dossier de configuration ci-dessous.</translation>
    </message>
    <message>
        <source>Config folder for single-file checkpoints</source>
        <translation>Dossier de configuration des checkpoints en fichier unique</translation>
    </message>
    <message>
        <source>Configs and tokenizer for a .safetensors/.ckpt model file.</source>
        <translation>Configurations et tokenizer pour un fichier de modèle .safetensors/.ckpt.</translation>
    </message>
    <message>
        <source>Any diffusers folder of the same architecture, e.g. stable-diffusion-2-base.</source>
        <translation>N&apos;importe quel dossier diffusers de la même architecture, p. ex. stable-diffusion-2-base.</translation>
    </message>
    <message>
        <source>CAA weights (MVDiffusion)</source>
        <translation>Poids CAA (MVDiffusion)</translation>
    </message>
    <message>
        <source>Correspondence-aware attention for the CAA method.</source>
        <translation>Attention sensible aux correspondances pour la méthode CAA.</translation>
    </message>
    <message>
        <source>MVDiffusion&apos;s released pano.ckpt, or caa.safetensors made from it with &apos;panocast convert --in pano.ckpt --out DIR&apos;.</source>
        <translation>Le pano.ckpt publié par MVDiffusion, ou un caa.safetensors créé à partir de celui-ci avec «&#xa0;panocast convert --in pano.ckpt --out DIR&#xa0;».</translation>
    </message>
    <message>
        <source>CLIP (transformers folder)</source>
        <translation>CLIP (dossier transformers)</translation>
    </message>
    <message>
        <source>CLIP score in the Metrics tab.</source>
        <translation>Score CLIP dans l&apos;onglet Métriques.</translation>
    </message>
    <message>
        <source>FID Inception weights</source>
        <translation>Poids Inception pour FID</translation>
    </message>
    <message>
        <source>FID, Inception Score and KID in the Metrics tab.</source>
        <translation>FID, Inception Score et KID dans l&apos;onglet Métriques.</translation>
    </message>
    <message>
        <source>pt_inception-2015-12-05-6726825d.pth, the file pytorch-fid and torch-fidelity download.</source>
        <translation>pt_inception-2015-12-05-6726825d.pth, le fichier que téléchargent pytorch-fid et torch-fidelity.</translation>
    </message>
    <message>
        <source>Selfie segmentation models</source>
        <translation>Modèles de segmentation selfie</translation>
    </message>
    <message>
        <source>Cuts the person out in the Live tab.</source>
        <translation>Détoure la personne dans l&apos;onglet En direct.</translation>
    </message>
    <message>
        <source>Set-up fetches them from npm (@mediapipe/selfie_segmentation) into data/models; leave empty to use those.</source>
        <translation>L&apos;installation les récupère depuis npm (@mediapipe/selfie_segmentation) dans data/models&#xa0;; laissez vide pour utiliser ceux-ci.</translation>
    </message>
    <message>
        <source>DeepLabV3 weights</source>
        <translation>Poids DeepLabV3</translation>
    </message>
    <message>
        <source>The alternative person segmenter in the Live tab.</source>
        <translation>Le segmenteur de personnes alternatif de l&apos;onglet En direct.</translation>
    </message>
    <message>
        <source>torchvision&apos;s deeplabv3_mobilenet_v3_large_coco .pth file.</source>
        <translation>Le fichier .pth deeplabv3_mobilenet_v3_large_coco de torchvision.</translation>
    </message>
    <message>
        <source>not set</source>
        <translation>non défini</translation>
    </message>
    <message>
        <source>found</source>
        <translation>trouvé</translation>
    </message>
    <message>
        <source>missing</source>
        <translation>manquant</translation>
    </message>
    <message>
        <source>not usable</source>
        <translation>inutilisable</translation>
    </message>
    <message>
        <source>%1 does not exist</source>
        <translation>%1 n&apos;existe pas</translation>
    </message>
    <message>
        <source>no model_index.json: not a diffusers folder</source>
        <translation>pas de model_index.json&#xa0;: ce n&apos;est pas un dossier diffusers</translation>
    </message>
    <message>
        <source>the folder has no %1/</source>
        <translation>le dossier ne contient pas %1/</translation>
    </message>
    <message>
        <source>diffusers folder</source>
        <translation>dossier diffusers</translation>
    </message>
    <message>
        <source>single-file checkpoint (%1 MB)</source>
        <translation>checkpoint en fichier unique (%1 Mo)</translation>
    </message>
    <message>
        <source>expected a folder</source>
        <translation>dossier attendu</translation>
    </message>
    <message>
        <source>expected a file</source>
        <translation>fichier attendu</translation>
    </message>
    <message>
        <source>no config.json: not a transformers folder</source>
        <translation>pas de config.json&#xa0;: ce n&apos;est pas un dossier transformers</translation>
    </message>
    <message>
        <source>no selfie_segmentation.tflite inside</source>
        <translation>ne contient pas selfie_segmentation.tflite</translation>
    </message>
    <message>
        <source>folder</source>
        <translation>dossier</translation>
    </message>
    <message>
        <source>%1 MB</source>
        <translation>%1 Mo</translation>
    </message>
    <message>
        <source>openai/clip-vit-base-patch16 (or -base-patch32, -large-patch14) in the transformers layout, or OpenAI&apos;s .pt converted with: panocast convert --in ViT-B-16.pt --out DIR --tokenizer SD-MODEL/tokenizer</source>
        <translation>openai/clip-vit-base-patch16 (ou -base-patch32, -large-patch14) au format transformers, ou le .pt d&apos;OpenAI converti avec&#xa0;: panocast convert --in ViT-B-16.pt --out DIR --tokenizer SD-MODEL/tokenizer</translation>
    </message>
</context>
<context>
    <name>PromptPresets</name>
    <message>
        <source>Living room</source>
        <translation>Salon</translation>
    </message>
    <message>
        <source>Kitchen</source>
        <translation>Cuisine</translation>
    </message>
    <message>
        <source>Lecture hall</source>
        <translation>Amphithéâtre</translation>
    </message>
    <message>
        <source>Martian classroom</source>
        <translation>Salle de classe martienne</translation>
    </message>
    <message>
        <source>Futuristic city</source>
        <translation>Ville futuriste</translation>
    </message>
    <message>
        <source>Library (one prompt per view)</source>
        <translation>Bibliothèque (un prompt par vue)</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <source>Choose a file</source>
        <translation>Choisir un fichier</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a list; ignored</source>
        <translation>«&#xa0;%1&#xa0;» n&apos;est pas une liste&#xa0;; ignoré</translation>
    </message>
    <message>
        <source>&apos;%1&apos; holds a value that is not text; skipped</source>
        <translation>«&#xa0;%1&#xa0;» contient une valeur qui n&apos;est pas du texte&#xa0;; ignorée</translation>
    </message>
    <message>
        <source>project.json is missing or unreadable; the runs found in the folder were opened</source>
        <translation>project.json est absent ou illisible&#xa0;; les exécutions trouvées dans le dossier ont été ouvertes</translation>
    </message>
    <message>
        <source>project.json is damaged (%1 at byte %2); the runs found in the folder were opened</source>
        <translation>project.json est endommagé (%1 à l&apos;octet %2)&#xa0;; les exécutions trouvées dans le dossier ont été ouvertes</translation>
    </message>
    <message>
        <source>project.json does not say it is a PanoCast project; read anyway</source>
        <translation>project.json ne se déclare pas comme projet PanoCast&#xa0;; lu malgré tout</translation>
    </message>
    <message>
        <source>project.json was written by a newer PanoCast Studio; some parts may be missing</source>
        <translation>project.json a été écrit par une version plus récente de PanoCast Studio&#xa0;; certaines parties peuvent manquer</translation>
    </message>
    <message>
        <source>run &apos;%1&apos; is listed but its folder is gone; skipped</source>
        <translation>l&apos;exécution «&#xa0;%1&#xa0;» est répertoriée mais son dossier a disparu&#xa0;; ignorée</translation>
    </message>
    <message>
        <source>%1 &apos;%2&apos; is missing; skipped</source>
        <translation>%1 «&#xa0;%2&#xa0;» manquant&#xa0;; ignoré</translation>
    </message>
    <message>
        <source>metrics file</source>
        <translation>fichier de métriques</translation>
    </message>
    <message>
        <source>recording</source>
        <translation>enregistrement</translation>
    </message>
    <message>
        <source>the panorama &apos;%1&apos; is missing</source>
        <translation>le panorama «&#xa0;%1&#xa0;» est manquant</translation>
    </message>
    <message>
        <source>System language</source>
        <translation>Langue du système</translation>
    </message>
    <message>
        <source>Text to 360° scenes, and a live panorama background</source>
        <translation>Du texte aux scènes 360°, et un arrière-plan panoramique en direct</translation>
    </message>
    <message>
        <source>Equirectangular image to open</source>
        <translation>Image équirectangulaire à ouvrir</translation>
    </message>
    <message>
        <source>Save a screenshot of the window to FILE and quit</source>
        <translation>Enregistrer une capture de la fenêtre dans FILE et quitter</translation>
    </message>
    <message>
        <source>Initial yaw in degrees</source>
        <translation>Lacet initial en degrés</translation>
    </message>
    <message>
        <source>Initial pitch in degrees</source>
        <translation>Tangage initial en degrés</translation>
    </message>
    <message>
        <source>Initial horizontal field of view in degrees</source>
        <translation>Champ de vision horizontal initial en degrés</translation>
    </message>
    <message>
        <source>rectilinear, stereographic or panini</source>
        <translation>rectilinear, stereographic ou panini</translation>
    </message>
    <message>
        <source>Tab to show: scene, panorama, live, metrics or compare</source>
        <translation>Onglet à afficher&#xa0;: scene, panorama, live, metrics ou compare</translation>
    </message>
    <message>
        <source>Project folder to open</source>
        <translation>Dossier de projet à ouvrir</translation>
    </message>
    <message>
        <source>not computed for %1</source>
        <translation>non calculé pour %1</translation>
    </message>
    <message>
        <source>Overlap PSNR per neighbouring view pair (dB) ↑</source>
        <translation>PSNR de chevauchement par paire de vues voisines (dB) ↑</translation>
    </message>
    <message>
        <source> (wrap)</source>
        <translation> (bouclage)</translation>
    </message>
    <message>
        <source>FID against the number of generated images ↓</source>
        <translation>FID en fonction du nombre d&apos;images générées ↓</translation>
    </message>
    <message>
        <source>generated images</source>
        <translation>images générées</translation>
    </message>
    <message>
        <source>needs Inception weights and a reference folder</source>
        <translation>nécessite les poids Inception et un dossier de référence</translation>
    </message>
</context>
<context>
    <name>panocast::CameraSource</name>
    <message>
        <source>Camera “%1” is not connected.</source>
        <translation>La caméra «&#xa0;%1&#xa0;» n&apos;est pas connectée.</translation>
    </message>
    <message>
        <source>Camera “%1”: %2. Retrying…</source>
        <translation>Caméra «&#xa0;%1&#xa0;»&#xa0;: %2. Nouvelle tentative…</translation>
    </message>
    <message>
        <source>error</source>
        <translation>erreur</translation>
    </message>
    <message>
        <source>Camera “%1” was disconnected. Waiting for it to come back…</source>
        <translation>La caméra «&#xa0;%1&#xa0;» a été déconnectée. En attente de sa reconnexion…</translation>
    </message>
</context>
<context>
    <name>panocast::CompareSide</name>
    <message>
        <source>View %1</source>
        <translation>Vue %1</translation>
    </message>
    <message>
        <source>Disagreement of views %1 and %2</source>
        <translation>Écart entre les vues %1 et %2</translation>
    </message>
    <message>
        <source>Computing where neighbouring views disagree…</source>
        <translation>Calcul des écarts entre vues voisines…</translation>
    </message>
    <message>
        <source>%1–%2: %3 dB</source>
        <translation>%1–%2&#xa0;: %3 dB</translation>
    </message>
    <message>
        <source>%1–%2: identical</source>
        <translation>%1–%2&#xa0;: identiques</translation>
    </message>
    <message>
        <source>Mean overlap PSNR %1 dB over %2 neighbouring pairs (higher: more consistent)</source>
        <translation>PSNR de chevauchement moyen de %1 dB sur %2 paires voisines (plus élevé&#xa0;: plus cohérent)</translation>
    </message>
</context>
<context>
    <name>panocast::CompareTab</name>
    <message>
        <source>Synchronise the viewers</source>
        <translation>Synchroniser les visionneuses</translation>
    </message>
    <message>
        <source>Disagreement with the right-hand neighbour (0–255):</source>
        <translation>Écart avec la vue voisine de droite (0–255)&#xa0;:</translation>
    </message>
    <message>
        <source>%1 · seed %2 · %3</source>
        <translation>%1 · graine %2 · %3</translation>
    </message>
    <message>
        <source>none</source>
        <translation>aucune</translation>
    </message>
    <message>
        <source>comparing neighbouring views</source>
        <translation>comparaison des vues voisines</translation>
    </message>
    <message>
        <source>Compare: %1</source>
        <translation>Comparaison&#xa0;: %1</translation>
    </message>
</context>
<context>
    <name>panocast::FileSource</name>
    <message>
        <source>%1: no frames could be read</source>
        <translation>%1&#xa0;: aucune image n&apos;a pu être lue</translation>
    </message>
</context>
<context>
    <name>panocast::GenerationForm</name>
    <message>
        <source>Independent (baseline)</source>
        <translation>Indépendante (référence)</translation>
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
        <translation>Attention partagée</translation>
    </message>
    <message>
        <source>How the eight views are kept consistent: not at all (baseline), MVDiffusion&apos;s trained correspondence-aware attention (needs CAA weights), latent averaging where views overlap, or attention shared with the neighbouring views</source>
        <translation>Comment les huit vues restent cohérentes&#xa0;: pas du tout (référence), attention sensible aux correspondances entraînée par MVDiffusion (nécessite les poids CAA), moyenne des latents là où les vues se chevauchent, ou attention partagée avec les vues voisines</translation>
    </message>
    <message>
        <source>Euler</source>
        <translation>Euler</translation>
    </message>
    <message>
        <source>Randomise</source>
        <translation>Aléatoire</translation>
    </message>
    <message>
        <source>Lock</source>
        <translation>Verrouiller</translation>
    </message>
    <message>
        <source>Keep this seed for the next runs (otherwise every run draws a new one)</source>
        <translation>Conserver cette graine pour les prochaines exécutions (sinon chaque exécution en tire une nouvelle)</translation>
    </message>
    <message>
        <source>Automatic</source>
        <translation>Automatique</translation>
    </message>
    <message>
        <source>MVDiffusion defaults</source>
        <translation>Valeurs par défaut de MVDiffusion</translation>
    </message>
    <message>
        <source>DDIM, 50 steps, guidance 9</source>
        <translation>DDIM, 50 étapes, guidage 9</translation>
    </message>
    <message>
        <source>&amp;Method:</source>
        <translation>&amp;Méthode&#xa0;:</translation>
    </message>
    <message>
        <source>S&amp;cheduler:</source>
        <translation>&amp;Planificateur&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Steps:</source>
        <translation>É&amp;tapes&#xa0;:</translation>
    </message>
    <message>
        <source>S&amp;eed:</source>
        <translation>Gr&amp;aine&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Device:</source>
        <translation>Pér&amp;iphérique&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Precision:</source>
        <translation>Pré&amp;cision&#xa0;:</translation>
    </message>
    <message>
        <source>G&amp;uidance:</source>
        <translation>G&amp;uidage&#xa0;:</translation>
    </message>
</context>
<context>
    <name>panocast::JobPanel</name>
    <message>
        <source>Cancel job</source>
        <translation>Annuler la tâche</translation>
    </message>
    <message>
        <source>Clear finished</source>
        <translation>Effacer les tâches terminées</translation>
    </message>
</context>
<context>
    <name>panocast::JobQueue</name>
    <message>
        <source>Queued</source>
        <translation>En attente</translation>
    </message>
    <message>
        <source>Running</source>
        <translation>En cours</translation>
    </message>
    <message>
        <source>Finished</source>
        <translation>Terminée</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Échouée</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Annulée</translation>
    </message>
    <message>
        <source>waiting for %1</source>
        <translation>en attente de %1</translation>
    </message>
    <message>
        <source>starting</source>
        <translation>démarrage</translation>
    </message>
    <message>
        <source>unknown error</source>
        <translation>erreur inconnue</translation>
    </message>
    <message>
        <source>cancelled before it started</source>
        <translation>annulée avant de démarrer</translation>
    </message>
    <message>
        <source>cancelling…</source>
        <translation>annulation…</translation>
    </message>
    <message>
        <source>Job</source>
        <translation>Tâche</translation>
    </message>
    <message>
        <source>State</source>
        <translation>État</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>Progression</translation>
    </message>
    <message>
        <source>Elapsed</source>
        <translation>Écoulé</translation>
    </message>
    <message>
        <source>Remaining</source>
        <translation>Restant</translation>
    </message>
</context>
<context>
    <name>panocast::LiveControls</name>
    <message>
        <source>Start preview</source>
        <translation>Démarrer l&apos;aperçu</translation>
    </message>
    <message>
        <source>Input</source>
        <translation>Entrée</translation>
    </message>
    <message>
        <source>Source:</source>
        <translation>Source&#xa0;:</translation>
    </message>
    <message>
        <source>The camera&apos;s horizontal field of view (webcams: 60–78°). The background uses the same.</source>
        <translation>Champ de vision horizontal de la caméra (webcams&#xa0;: 60–78°). L&apos;arrière-plan utilise le même.</translation>
    </message>
    <message>
        <source>Camera FOV:</source>
        <translation>Champ de la caméra&#xa0;:</translation>
    </message>
    <message>
        <source>Background</source>
        <translation>Arrière-plan</translation>
    </message>
    <message>
        <source>Equirectangular image</source>
        <translation>Image équirectangulaire</translation>
    </message>
    <message>
        <source>Panorama:</source>
        <translation>Panorama&#xa0;:</translation>
    </message>
    <message>
        <source>Background panorama</source>
        <translation>Panorama d&apos;arrière-plan</translation>
    </message>
    <message>
        <source>Panoramas (*.png *.jpg *.jpeg *.exr *.hdr);;All files (*)</source>
        <translation>Panoramas (*.png *.jpg *.jpeg *.exr *.hdr);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>Where in the panorama the camera looks when the preview starts or is recentred</source>
        <translation>Direction du panorama vers laquelle regarde la caméra au démarrage de l&apos;aperçu ou après un recentrage</translation>
    </message>
    <message>
        <source>Recenter</source>
        <translation>Recentrer</translation>
    </message>
    <message>
        <source>Make the camera&apos;s current direction look at the start direction again</source>
        <translation>Réaligner la direction actuelle de la caméra sur la direction de départ</translation>
    </message>
    <message>
        <source>Look at:</source>
        <translation>Regarder vers&#xa0;:</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>Personne</translation>
    </message>
    <message>
        <source>Selfie (MediaPipe)</source>
        <translation>Selfie (MediaPipe)</translation>
    </message>
    <message>
        <source>Selfie landscape (Meet)</source>
        <translation>Selfie paysage (Meet)</translation>
    </message>
    <message>
        <source>DeepLabV3 (torchvision .pth)</source>
        <translation>DeepLabV3 (torchvision .pth)</translation>
    </message>
    <message>
        <source>Model:</source>
        <translation>Modèle&#xa0;:</translation>
    </message>
    <message>
        <source>DeepLabV3 weights</source>
        <translation>Poids DeepLabV3</translation>
    </message>
    <message>
        <source>PyTorch weights (*.pth *.pt);;All files (*)</source>
        <translation>Poids PyTorch (*.pth *.pt);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>Weights:</source>
        <translation>Poids&#xa0;:</translation>
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
        <translation>Périphérique&#xa0;:</translation>
    </message>
    <message>
        <source>Temporal smoothing of uncertain edges: more is steadier, less follows motion faster</source>
        <translation>Lissage temporel des bords incertains&#xa0;: plus est stable, moins suit plus vite les mouvements</translation>
    </message>
    <message>
        <source>Smoothing:</source>
        <translation>Lissage&#xa0;:</translation>
    </message>
    <message>
        <source> px</source>
        <translation> px</translation>
    </message>
    <message>
        <source>Outward feather of the matte</source>
        <translation>Contour progressif du masque vers l&apos;extérieur</translation>
    </message>
    <message>
        <source>Feather:</source>
        <translation>Contour progressif&#xa0;:</translation>
    </message>
    <message>
        <source>Bring the person&apos;s brightness toward the scene&apos;s</source>
        <translation>Rapprocher la luminosité de la personne de celle de la scène</translation>
    </message>
    <message>
        <source>Light match:</source>
        <translation>Harmonisation lumière&#xa0;:</translation>
    </message>
    <message>
        <source>Overlays</source>
        <translation>Superpositions</translation>
    </message>
    <message>
        <source>Mask</source>
        <translation>Masque</translation>
    </message>
    <message>
        <source>Tint the person&apos;s matte</source>
        <translation>Teinter le masque de la personne</translation>
    </message>
    <message>
        <source>Flow</source>
        <translation>Flux</translation>
    </message>
    <message>
        <source>Tracked background points and their motion</source>
        <translation>Points d&apos;arrière-plan suivis et leur mouvement</translation>
    </message>
    <message>
        <source>Angles</source>
        <translation>Angles</translation>
    </message>
    <message>
        <source>Tracked yaw, pitch, roll and confidence</source>
        <translation>Lacet, tangage et roulis suivis, avec la confiance</translation>
    </message>
    <message>
        <source>FPS</source>
        <translation>IPS</translation>
    </message>
    <message>
        <source>Frame rate and milliseconds per stage</source>
        <translation>Fréquence d&apos;images et millisecondes par étape</translation>
    </message>
    <message>
        <source>Recording</source>
        <translation>Enregistrement</translation>
    </message>
    <message>
        <source>H.264 video (.mp4 or .mkv) at the source&apos;s frame rate</source>
        <translation>Vidéo H.264 (.mp4 ou .mkv) à la fréquence d&apos;images de la source</translation>
    </message>
    <message>
        <source>File:</source>
        <translation>Fichier&#xa0;:</translation>
    </message>
    <message>
        <source>Record to</source>
        <translation>Enregistrer dans</translation>
    </message>
    <message>
        <source>Video (*.mp4 *.mkv)</source>
        <translation>Vidéo (*.mp4 *.mkv)</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>Enregistrer</translation>
    </message>
    <message>
        <source> (disconnected)</source>
        <translation> (déconnectée)</translation>
    </message>
    <message>
        <source>No camera found</source>
        <translation>Aucune caméra trouvée</translation>
    </message>
    <message>
        <source>Video file…</source>
        <translation>Fichier vidéo…</translation>
    </message>
    <message>
        <source>Video as live input</source>
        <translation>Vidéo comme entrée en direct</translation>
    </message>
    <message>
        <source>Videos (*.mp4 *.mkv *.mov *.avi *.webm);;All files (*)</source>
        <translation>Vidéos (*.mp4 *.mkv *.mov *.avi *.webm);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>Stop preview</source>
        <translation>Arrêter l&apos;aperçu</translation>
    </message>
    <message>
        <source>Stop recording</source>
        <translation>Arrêter l&apos;enregistrement</translation>
    </message>
</context>
<context>
    <name>panocast::LiveTab</name>
    <message>
        <source>Choose a camera or a video file and a panorama, then press Start preview.</source>
        <translation>Choisissez une caméra ou un fichier vidéo et un panorama, puis cliquez sur «&#xa0;Démarrer l&apos;aperçu&#xa0;».</translation>
    </message>
    <message>
        <source>Saved the recording to %1 (%2 frames).</source>
        <translation>Enregistrement sauvegardé dans %1 (%2 images).</translation>
    </message>
    <message>
        <source>No input: connect a camera, or choose “Video file…” under Input.</source>
        <translation>Aucune entrée&#xa0;: branchez une caméra, ou choisissez «&#xa0;Fichier vidéo…&#xa0;» sous Entrée.</translation>
    </message>
    <message>
        <source>No background: open a panorama in the Panorama tab, or choose one under Background.</source>
        <translation>Aucun arrière-plan&#xa0;: ouvrez un panorama dans l&apos;onglet Panorama, ou choisissez-en un sous Arrière-plan.</translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation>Démarrage…</translation>
    </message>
    <message>
        <source>Stopped. Press Start preview to go on.</source>
        <translation>Arrêté. Cliquez sur «&#xa0;Démarrer l&apos;aperçu&#xa0;» pour continuer.</translation>
    </message>
    <message>
        <source>Start the preview before recording.</source>
        <translation>Démarrez l&apos;aperçu avant d&apos;enregistrer.</translation>
    </message>
    <message>
        <source>Choose a file to record to.</source>
        <translation>Choisissez un fichier pour l&apos;enregistrement.</translation>
    </message>
    <message>
        <source>Cannot create the folder %1</source>
        <translation>Impossible de créer le dossier %1</translation>
    </message>
    <message>
        <source>%1 fps</source>
        <translation>%1 ips</translation>
    </message>
    <message>
        <source>latency %1 ms</source>
        <translation>latence %1 ms</translation>
    </message>
    <message>
        <source>dropped %1</source>
        <translation>perdues&#xa0;: %1</translation>
    </message>
    <message>
        <source>yaw %1°  pitch %2°  roll %3°  confidence %4%5</source>
        <translation>lacet %1°  tangage %2°  roulis %3°  confiance %4%5</translation>
    </message>
    <message>
        <source> (held)</source>
        <translation> (maintenu)</translation>
    </message>
    <message>
        <source>segment %1 · track %2 · background %3 · composite %4 ms</source>
        <translation>segmentation %1 · suivi %2 · arrière-plan %3 · composition %4 ms</translation>
    </message>
    <message>
        <source>– fps</source>
        <translation>– ips</translation>
    </message>
    <message>
        <source>latency – ms</source>
        <translation>latence – ms</translation>
    </message>
    <message>
        <source>dropped –</source>
        <translation>perdues&#xa0;: –</translation>
    </message>
</context>
<context>
    <name>panocast::LiveWorker</name>
    <message>
        <source>Start the preview before recording.</source>
        <translation>Démarrez l&apos;aperçu avant d&apos;enregistrer.</translation>
    </message>
    <message>
        <source>Recording %1 failed: %2</source>
        <translation>Échec de l&apos;enregistrement %1&#xa0;: %2</translation>
    </message>
</context>
<context>
    <name>panocast::MainWindow</name>
    <message>
        <source>Scene</source>
        <translation>Scène</translation>
    </message>
    <message>
        <source>&lt;p&gt;This build has no text engine (ICU), which generation needs.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Cette version a été compilée sans moteur de texte (ICU), nécessaire à la génération.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Panorama</source>
        <translation>Panorama</translation>
    </message>
    <message>
        <source>Live</source>
        <translation>En direct</translation>
    </message>
    <message>
        <source>&lt;p&gt;This build has no OpenCV, which live video needs.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Cette version a été compilée sans OpenCV, nécessaire à la vidéo en direct.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Metrics</source>
        <translation>Métriques</translation>
    </message>
    <message>
        <source>Compare</source>
        <translation>Comparaison</translation>
    </message>
    <message>
        <source>Jobs</source>
        <translation>Tâches</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>Prêt</translation>
    </message>
    <message>
        <source>Opened %1</source>
        <translation>%1 ouvert</translation>
    </message>
    <message>
        <source>A job failed: %1</source>
        <translation>Une tâche a échoué&#xa0;: %1</translation>
    </message>
    <message>
        <source>Cannot save the project</source>
        <translation>Impossible d&apos;enregistrer le projet</translation>
    </message>
    <message>
        <source>Cannot open the project</source>
        <translation>Impossible d&apos;ouvrir le projet</translation>
    </message>
    <message>
        <source>The project opened with problems</source>
        <translation>Le projet a été ouvert avec des problèmes</translation>
    </message>
    <message>
        <source>Some parts of %1 could not be opened:
• %2</source>
        <translation>Certaines parties de %1 n&apos;ont pas pu être ouvertes&#xa0;:
• %2</translation>
    </message>
    <message>
        <source>Opened project %1</source>
        <translation>Projet %1 ouvert</translation>
    </message>
    <message>
        <source>Save project as</source>
        <translation>Enregistrer le projet sous</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>%1 enregistré</translation>
    </message>
    <message>
        <source>Cannot move the project now</source>
        <translation>Impossible de déplacer le projet pour l&apos;instant</translation>
    </message>
    <message>
        <source>A generation is writing into the project; wait for it or cancel it.</source>
        <translation>Une génération est en train d&apos;écrire dans le projet&#xa0;; attendez qu&apos;elle se termine ou annulez-la.</translation>
    </message>
    <message>
        <source>%1[*] — PanoCast Studio</source>
        <translation>%1[*] — PanoCast Studio</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Fichier</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Affichage</translation>
    </message>
    <message>
        <source>&amp;Projection</source>
        <translation>&amp;Projection</translation>
    </message>
    <message>
        <source>&amp;Rectilinear</source>
        <translation>&amp;Rectilinéaire</translation>
    </message>
    <message>
        <source>&amp;Little planet</source>
        <translation>&amp;Petite planète</translation>
    </message>
    <message>
        <source>&amp;Panini</source>
        <translation>Pa&amp;nini</translation>
    </message>
    <message>
        <source>&amp;Jobs</source>
        <translation>&amp;Tâches</translation>
    </message>
    <message>
        <source>&amp;Go</source>
        <translation>A&amp;ller à</translation>
    </message>
    <message>
        <source>&amp;Scene</source>
        <translation>&amp;Scène</translation>
    </message>
    <message>
        <source>&amp;Panorama</source>
        <translation>&amp;Panorama</translation>
    </message>
    <message>
        <source>&amp;Live</source>
        <translation>&amp;En direct</translation>
    </message>
    <message>
        <source>&amp;Metrics</source>
        <translation>&amp;Métriques</translation>
    </message>
    <message>
        <source>&amp;Compare</source>
        <translation>&amp;Comparaison</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>Ai&amp;de</translation>
    </message>
    <message>
        <source>&amp;About PanoCast Studio</source>
        <translation>À &amp;propos de PanoCast Studio</translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation>À propos de &amp;Qt</translation>
    </message>
    <message>
        <source>&amp;New Project</source>
        <translation>&amp;Nouveau projet</translation>
    </message>
    <message>
        <source>&amp;Open Project…</source>
        <translation>&amp;Ouvrir un projet…</translation>
    </message>
    <message>
        <source>Open project folder</source>
        <translation>Ouvrir un dossier de projet</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>Projets &amp;récents</translation>
    </message>
    <message>
        <source>&amp;Save Project</source>
        <translation>&amp;Enregistrer le projet</translation>
    </message>
    <message>
        <source>Save Project &amp;As…</source>
        <translation>Enregistrer le projet &amp;sous…</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Langue</translation>
    </message>
    <message>
        <source>The new language applies after a restart. Restart PanoCast Studio now?</source>
        <translation>La nouvelle langue s&apos;applique après un redémarrage. Redémarrer PanoCast Studio maintenant&#xa0;?</translation>
    </message>
    <message>
        <source>About PanoCast Studio</source>
        <translation>À propos de PanoCast Studio</translation>
    </message>
    <message>
        <source>&lt;h3&gt;PanoCast Studio %1&lt;/h3&gt;&lt;p&gt;Text to 360° scenes with multi-view diffusion, and a live camera-aware panorama background.&lt;/p&gt;&lt;pre&gt;%2&lt;/pre&gt;</source>
        <translation>&lt;h3&gt;PanoCast Studio %1&lt;/h3&gt;&lt;p&gt;Du texte aux scènes 360° grâce à la diffusion multivue, et un arrière-plan panoramique en direct qui suit la caméra.&lt;/p&gt;&lt;pre&gt;%2&lt;/pre&gt;</translation>
    </message>
    <message>
        <source>Cancelling running jobs…</source>
        <translation>Annulation des tâches en cours…</translation>
    </message>
    <message>
        <source>Cannot save the metrics</source>
        <translation>Impossible d&apos;enregistrer les métriques</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1&#xa0;: %2</translation>
    </message>
    <message>
        <source>Metrics saved in %1</source>
        <translation>Métriques enregistrées dans %1</translation>
    </message>
    <message>
        <source>Se&amp;ttings…</source>
        <translation>&amp;Paramètres…</translation>
    </message>
</context>
<context>
    <name>panocast::MetricsTab</name>
    <message>
        <source>Generated runs</source>
        <translation>Exécutions générées</translation>
    </message>
    <message>
        <source>Seed</source>
        <translation>Graine</translation>
    </message>
    <message>
        <source>Runs are scored per method; check the ones to include</source>
        <translation>Les exécutions sont évaluées par méthode&#xa0;; cochez celles à inclure</translation>
    </message>
    <message>
        <source>Add run folder…</source>
        <translation>Ajouter un dossier d&apos;exécution…</translation>
    </message>
    <message>
        <source>real images for FID and KID (optional)</source>
        <translation>images réelles pour FID et KID (facultatif)</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Parcourir…</translation>
    </message>
    <message>
        <source>View consistency (overlap PSNR/SSIM, seams)</source>
        <translation>Cohérence des vues (PSNR/SSIM de chevauchement, raccords)</translation>
    </message>
    <message>
        <source>FID against the number of images</source>
        <translation>FID en fonction du nombre d&apos;images</translation>
    </message>
    <message>
        <source>&amp;Score</source>
        <translation>É&amp;valuer</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Reference folder:</source>
        <translation>Dossier de référence&#xa0;:</translation>
    </message>
    <message>
        <source>Run folder (view_0.png … and run.json)</source>
        <translation>Dossier d&apos;exécution (view_0.png … et run.json)</translation>
    </message>
    <message>
        <source>Reference images</source>
        <translation>Images de référence</translation>
    </message>
    <message>
        <source>Overview</source>
        <translation>Vue d&apos;ensemble</translation>
    </message>
    <message>
        <source>View pairs</source>
        <translation>Paires de vues</translation>
    </message>
    <message>
        <source>FID curve</source>
        <translation>Courbe FID</translation>
    </message>
    <message>
        <source>Table</source>
        <translation>Tableau</translation>
    </message>
    <message>
        <source>Export PNG…</source>
        <translation>Exporter en PNG…</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>Exporter en CSV…</translation>
    </message>
    <message>
        <source>Export JSON…</source>
        <translation>Exporter en JSON…</translation>
    </message>
    <message>
        <source>Export chart</source>
        <translation>Exporter le graphique</translation>
    </message>
    <message>
        <source>PNG image (*.png)</source>
        <translation>Image PNG (*.png)</translation>
    </message>
    <message>
        <source>Cannot write %1</source>
        <translation>Impossible d&apos;écrire %1</translation>
    </message>
    <message>
        <source>Export table</source>
        <translation>Exporter le tableau</translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <source>Export reports</source>
        <translation>Exporter les rapports</translation>
    </message>
    <message>
        <source>JSON (*.json)</source>
        <translation>JSON (*.json)</translation>
    </message>
    <message>
        <source>No runs to score: generate some in the Scene tab, or add run folders.</source>
        <translation>Aucune exécution à évaluer&#xa0;: générez-en dans l&apos;onglet Scène, ou ajoutez des dossiers d&apos;exécution.</translation>
    </message>
    <message>
        <source>The reference folder %1 does not exist.</source>
        <translation>Le dossier de référence %1 n&apos;existe pas.</translation>
    </message>
    <message>
        <source>Metrics: %1 (%2 runs)</source>
        <translation>Métriques&#xa0;: %1 (%2 exécutions)</translation>
    </message>
    <message>
        <source>Scoring %1 method(s)…</source>
        <translation>Évaluation de %1 méthode(s)…</translation>
    </message>
    <message>
        <source>Scoring %1 failed: %2</source>
        <translation>Échec de l&apos;évaluation de %1&#xa0;: %2</translation>
    </message>
    <message>
        <source>Scoring cancelled.</source>
        <translation>Évaluation annulée.</translation>
    </message>
    <message>
        <source>Scored %1 method(s).</source>
        <translation>%1 méthode(s) évaluée(s).</translation>
    </message>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <source>FID, KID and Inception Score need the FID Inception weights: set them in Settings → Models.</source>
        <translation>FID, KID et Inception Score nécessitent les poids FID Inception&#xa0;: définissez-les dans Paramètres → Modèles.</translation>
    </message>
    <message>
        <source>Inception weights: %1</source>
        <translation>Poids Inception&#xa0;: %1</translation>
    </message>
    <message>
        <source>CLIP score needs a CLIP model: set it in Settings → Models.</source>
        <translation>Le score CLIP nécessite un modèle CLIP&#xa0;: définissez-le dans Paramètres → Modèles.</translation>
    </message>
    <message>
        <source>CLIP model: %1</source>
        <translation>Modèle CLIP&#xa0;: %1</translation>
    </message>
    <message>
        <source>View consistency needs nothing.</source>
        <translation>La cohérence des vues n&apos;a besoin de rien.</translation>
    </message>
</context>
<context>
    <name>panocast::PanoramaTab</name>
    <message>
        <source>Open…</source>
        <translation>Ouvrir…</translation>
    </message>
    <message>
        <source>Open an equirectangular image (PNG, JPEG, EXR, HDR)</source>
        <translation>Ouvrir une image équirectangulaire (PNG, JPEG, EXR, HDR)</translation>
    </message>
    <message>
        <source>Export view…</source>
        <translation>Exporter la vue…</translation>
    </message>
    <message>
        <source>Projection:</source>
        <translation>Projection&#xa0;:</translation>
    </message>
    <message>
        <source>Rectilinear</source>
        <translation>Rectilinéaire</translation>
    </message>
    <message>
        <source>Little planet (stereographic)</source>
        <translation>Petite planète (stéréographique)</translation>
    </message>
    <message>
        <source>Panini</source>
        <translation>Panini</translation>
    </message>
    <message>
        <source>Reset view</source>
        <translation>Réinitialiser la vue</translation>
    </message>
    <message>
        <source>Auto-rotate</source>
        <translation>Rotation automatique</translation>
    </message>
    <message>
        <source>Turn slowly after 3 s without input</source>
        <translation>Tourner lentement après 3 s sans interaction</translation>
    </message>
    <message>
        <source>Fullscreen</source>
        <translation>Plein écran</translation>
    </message>
    <message>
        <source>&lt;h2&gt;No panorama open&lt;/h2&gt;&lt;p&gt;Open an equirectangular image (File ▸ Open, Ctrl+O) or generate a scene in the Scene tab.&lt;/p&gt;&lt;p&gt;Drag to look around, scroll to zoom, arrow keys to turn, Home to reset.&lt;/p&gt;</source>
        <translation>&lt;h2&gt;Aucun panorama ouvert&lt;/h2&gt;&lt;p&gt;Ouvrez une image équirectangulaire (Fichier ▸ Ouvrir, Ctrl+O) ou générez une scène dans l&apos;onglet Scène.&lt;/p&gt;&lt;p&gt;Faites glisser pour regarder autour, la molette pour zoomer, les flèches pour tourner, Début pour réinitialiser.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Cannot open panorama</source>
        <translation>Impossible d&apos;ouvrir le panorama</translation>
    </message>
    <message>
        <source>Not an equirectangular panorama</source>
        <translation>Ce n&apos;est pas un panorama équirectangulaire</translation>
    </message>
    <message>
        <source>%1 is %2×%3 pixels. An equirectangular panorama is exactly twice as wide as it is high (360° × 180°).</source>
        <translation>%1 mesure %2×%3 pixels. Un panorama équirectangulaire est exactement deux fois plus large que haut (360° × 180°).</translation>
    </message>
    <message>
        <source>Open panorama</source>
        <translation>Ouvrir un panorama</translation>
    </message>
    <message>
        <source>Panoramas (*.png *.jpg *.jpeg *.exr *.hdr);;All files (*)</source>
        <translation>Panoramas (*.png *.jpg *.jpeg *.exr *.hdr);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>Export view</source>
        <translation>Exporter la vue</translation>
    </message>
    <message>
        <source>Open a panorama first.</source>
        <translation>Ouvrez d&apos;abord un panorama.</translation>
    </message>
    <message>
        <source>Export current view</source>
        <translation>Exporter la vue actuelle</translation>
    </message>
    <message>
        <source>Width (pixels):</source>
        <translation>Largeur (pixels)&#xa0;:</translation>
    </message>
    <message>
        <source>Height (pixels):</source>
        <translation>Hauteur (pixels)&#xa0;:</translation>
    </message>
    <message>
        <source>Save view as</source>
        <translation>Enregistrer la vue sous</translation>
    </message>
    <message>
        <source>PNG image (*.png)</source>
        <translation>Image PNG (*.png)</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>Échec de l&apos;exportation</translation>
    </message>
    <message>
        <source>Could not write %1.</source>
        <translation>Impossible d&apos;écrire %1.</translation>
    </message>
    <message>
        <source>no panorama</source>
        <translation>aucun panorama</translation>
    </message>
    <message>
        <source>%1 — yaw %2°, pitch %3°, field of view %4°</source>
        <translation>%1 — lacet %2°, tangage %3°, champ de vision %4°</translation>
    </message>
</context>
<context>
    <name>panocast::PlaceholderTab</name>
    <message>
        <source>Not available in this version yet.</source>
        <translation>Pas encore disponible dans cette version.</translation>
    </message>
</context>
<context>
    <name>panocast::ProjectSession</name>
    <message>
        <source>Untitled</source>
        <translation>Sans titre</translation>
    </message>
</context>
<context>
    <name>panocast::PromptEditor</name>
    <message>
        <source>One prompt for all views</source>
        <translation>Un prompt pour toutes les vues</translation>
    </message>
    <message>
        <source>One prompt per view</source>
        <translation>Un prompt par vue</translation>
    </message>
    <message>
        <source>Presets…</source>
        <translation>Préréglages…</translation>
    </message>
    <message>
        <source>Prompt</source>
        <translation>Prompt</translation>
    </message>
    <message>
        <source>What to avoid (optional)</source>
        <translation>Ce qu&apos;il faut éviter (facultatif)</translation>
    </message>
    <message>
        <source>&amp;Negative prompt:</source>
        <translation>Prompt &amp;négatif&#xa0;:</translation>
    </message>
    <message>
        <source>no model set: tokens are counted once a model is chosen in Settings</source>
        <translation>aucun modèle défini&#xa0;: les tokens seront comptés une fois un modèle choisi dans les Paramètres</translation>
    </message>
    <message>
        <source>tokens cannot be counted: %1</source>
        <translation>impossible de compter les tokens&#xa0;: %1</translation>
    </message>
    <message>
        <source>Recent prompts…</source>
        <translation>Prompts récents…</translation>
    </message>
    <message>
        <source>%1 / %2 tokens</source>
        <translation>%1 / %2 tokens</translation>
    </message>
    <message>
        <source>cut after &quot;%1&quot;; ignored: &quot;%2&quot;</source>
        <translation>coupé après «&#xa0;%1&#xa0;»&#xa0;; ignoré&#xa0;: «&#xa0;%2&#xa0;»</translation>
    </message>
    <message>
        <source>longest: %1 / %2 tokens</source>
        <translation>le plus long&#xa0;: %1 / %2 tokens</translation>
    </message>
    <message>
        <source>negative: </source>
        <translation>négatif&#xa0;: </translation>
    </message>
    <message>
        <source>Describe the scene in English (the text encoder reads English), e.g. a well-lit living room with large windows</source>
        <translation>Décrivez la scène en anglais (l&apos;encodeur de texte lit l&apos;anglais), p. ex. a well-lit living room with large windows</translation>
    </message>
</context>
<context>
    <name>panocast::SceneTab</name>
    <message>
        <source>&amp;Generate</source>
        <translation>&amp;Générer</translation>
    </message>
    <message>
        <source>Generate the eight views with the chosen method and stitch the panorama</source>
        <translation>Générer les huit vues avec la méthode choisie et assembler le panorama</translation>
    </message>
    <message>
        <source>Generate baseline and CAA</source>
        <translation>Générer la référence et CAA</translation>
    </message>
    <message>
        <source>Two runs with the same prompts and seed: the independent baseline and CAA, for the Compare tab</source>
        <translation>Deux exécutions avec les mêmes prompts et la même graine&#xa0;: la référence indépendante et CAA, pour l&apos;onglet Comparaison</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Type a scene and press Generate.</source>
        <translation>Décrivez une scène et cliquez sur «&#xa0;Générer&#xa0;».</translation>
    </message>
    <message>
        <source>No Stable Diffusion model is set. Open Settings → Models and choose a stable-diffusion-2-base folder (diffusers layout).</source>
        <translation>Aucun modèle Stable Diffusion n&apos;est défini. Ouvrez Paramètres → Modèles et choisissez un dossier stable-diffusion-2-base (format diffusers).</translation>
    </message>
    <message>
        <source>The Stable Diffusion model cannot be used: %1. Fix it in Settings → Models.</source>
        <translation>Le modèle Stable Diffusion est inutilisable&#xa0;: %1. Corrigez-le dans Paramètres → Modèles.</translation>
    </message>
    <message>
        <source>Type a prompt first.</source>
        <translation>Saisissez d&apos;abord un prompt.</translation>
    </message>
    <message>
        <source>The prompt for yaw %1° is empty: fill in every view, or use one prompt for all views.</source>
        <translation>Le prompt pour le lacet %1° est vide&#xa0;: remplissez chaque vue, ou utilisez un prompt pour toutes les vues.</translation>
    </message>
    <message>
        <source>The CAA method needs MVDiffusion&apos;s weights: set &quot;CAA weights&quot; in Settings → Models (pano.ckpt or caa.safetensors), or choose another method.</source>
        <translation>La méthode CAA nécessite les poids de MVDiffusion&#xa0;: définissez «&#xa0;Poids CAA&#xa0;» dans Paramètres → Modèles (pano.ckpt ou caa.safetensors), ou choisissez une autre méthode.</translation>
    </message>
    <message>
        <source>No project folder to write the run into.</source>
        <translation>Aucun dossier de projet dans lequel écrire l&apos;exécution.</translation>
    </message>
    <message>
        <source>step %1 of %2</source>
        <translation>étape %1 sur %2</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1&#xa0;: %2</translation>
    </message>
    <message>
        <source>Queued on %1 (seed %2).</source>
        <translation>En file d&apos;attente sur %1 (graine %2).</translation>
    </message>
    <message>
        <source>%1 finished in %2 s (seed %3): %4</source>
        <translation>%1 terminé en %2 s (graine %3)&#xa0;: %4</translation>
    </message>
    <message>
        <source>%1 failed: %2</source>
        <translation>Échec de %1&#xa0;: %2</translation>
    </message>
    <message>
        <source>%1 cancelled.</source>
        <translation>%1 annulé.</translation>
    </message>
    <message>
        <source>View %1 of %2 (yaw %3°)</source>
        <translation>Vue %1 sur %2 (lacet %3°)</translation>
    </message>
</context>
<context>
    <name>panocast::SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>Paramètres</translation>
    </message>
    <message>
        <source>General</source>
        <translation>Général</translation>
    </message>
    <message>
        <source>Models</source>
        <translation>Modèles</translation>
    </message>
    <message>
        <source>System</source>
        <translation>Système</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Clair</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Sombre</translation>
    </message>
    <message>
        <source>Automatic (GPU when available)</source>
        <translation>Automatique (GPU si disponible)</translation>
    </message>
    <message>
        <source>Automatic (fp16 on GPU, fp32 on CPU)</source>
        <translation>Automatique (fp16 sur GPU, fp32 sur CPU)</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>&amp;Langue&#xa0;:</translation>
    </message>
    <message>
        <source>&lt;small&gt;A new language applies after a restart.&lt;/small&gt;</source>
        <translation>&lt;small&gt;Une nouvelle langue s&apos;applique après un redémarrage.&lt;/small&gt;</translation>
    </message>
    <message>
        <source>&amp;Theme:</source>
        <translation>&amp;Thème&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Device:</source>
        <translation>&amp;Périphérique&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Precision:</source>
        <translation>Pré&amp;cision&#xa0;:</translation>
    </message>
    <message>
        <source>folder</source>
        <translation>dossier</translation>
    </message>
    <message>
        <source>file</source>
        <translation>fichier</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Parcourir…</translation>
    </message>
</context>
<context>
    <name>panocast::ViewGrid</name>
    <message>
        <source>yaw %1°</source>
        <translation>lacet %1°</translation>
    </message>
</context>
<context>
    <name>panocast::ViewTile</name>
    <message>
        <source>Click to open the view large</source>
        <translation>Cliquer pour afficher la vue en grand</translation>
    </message>
    <message>
        <source>%1 · preview</source>
        <translation>%1 · aperçu</translation>
    </message>
</context>
</TS>
