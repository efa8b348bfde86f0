using MediaGate.Benchmarks;

// Verb dispatcher: each benchmark lives in its own file and takes the remaining arguments.
return args.FirstOrDefault() switch
{
    "recall" => RecallBenchmark.Run(args[1..]),
    "detect-cost" => DetectionCostBenchmark.Run(args[1..]),
    "detect-profile" => DetectionProfileBenchmark.Run(args[1..]),
    "make-photos" => MakePhotosCommand.Run(args[1..]),
    "maxside-recall" => MaxSideRecallBenchmark.Run(args[1..]),
    "pipeline-cpu" => PipelineCpuBenchmark.Run(args[1..]),
    "tune" => TuneBenchmark.Run(args[1..]),
    "text" => TextMaskBenchmark.Run(args[1..]),
    "video-coverage" => VideoCoverageBenchmark.Run(args[1..]),
    "video-tracks" => VideoTracksCommand.Run(args[1..]),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("""
        usage: MediaGate.Benchmarks VERB [options]
          recall --faces DIR --models DIR [--detector NAME] [--multi-scale SPEC] [--dump DIR] [--verifier-variants SPEC] [--reference 1]
              masked recall by face size, certain false detections, single-face photos with one certain face and CPU
              per photo, with the verifier and alone, on a labelled set
          detect-cost --photo FILE --models DIR [--detector NAME] [--width 4000 --height 3000] [--runs 5] [--threads N] [--multi-scale SPEC] [--verifier 0]
              detection time and peak memory on one photo resized to the given size (a 12 MP tablet photo)
          detect-profile --photo FILE --models DIR [--width W --height H] [--runs 5] [--multi-scale SPEC]
              where yunet-n's CPU goes on one photo: resampling, tensor filling and model runs per level, second look, verifier
          make-photos --faces DIR --out DIR [--count 6] [--width 4000 --height 3000]
              tablet-sized JPEGs made from the evaluation set's group photos
          maxside-recall --faces DIR --models DIR [--count 30] [--width 4000 --height 3000] [--max-side 2048]
              masked recall of detection at the rendition size on such photos, by face size at the rendition
          pipeline-cpu --photos DIR --models DIR [--detector NAME] [--runs 3]
              in-process CPU time of anonymise per photo next to libjpeg-turbo decode + encode of it
          tune --faces DIR --models DIR --cache FILE [--detector yunet-n]
              candidates and second looks cached once, then the confidence rules replayed in memory
          text --faces DIR [--models DIR] [--every 3] [--start 0] [--seed 15] [--threads 1] [--box B --pixel P --unclip U]
              names painted onto the labelled photos at 2048 px: share covered by text masks, area masked without names, CPU per photo
          video-coverage --faces DIR --models DIR [--detector NAME] [--photos 4] [--seconds 4] [--only TEXT] [--detect-side 720] [--samples 3] [--verbose 1]
              pans and zooms over labelled group photos (MP4, and MOV stored turned): labelled face-frames of 40 px and
              more masked in every frame, and false tracks per clip
          video-tracks --clip FILE --models DIR [--detector NAME]
              one clip's tracks as the service follows them, every detection with how much it lies inside the others
        """);
    return 1;
}
