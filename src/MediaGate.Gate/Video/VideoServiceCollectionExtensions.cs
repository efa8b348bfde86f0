using MediaGate.Gate.Renditions;
using MediaGate.Ingest.Detect;
using MediaGate.Ingest.Video;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace MediaGate.Gate.Video;

/// <summary>
/// Registers videos in the service (issue 14): the settings (<c>Video</c>, <c>Video:Options</c>, <c>Video:Limits</c>), the video
/// lane (<see cref="VideoWorker"/>), its processing, renditions per audience and playback; and makes
/// <see cref="MediaRenditionRefresher"/> the one <see cref="Gate.IRenditionRefresher"/>. Call after <c>AddMediaGateGate</c>.
/// </summary>
public static class VideoServiceCollectionExtensions
{
    public static IServiceCollection AddMediaGateVideo(this IServiceCollection services)
    {
        services.AddOptions<VideoServiceOptions>().BindConfiguration(VideoServiceOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<VideoOptions>().BindConfiguration("Video:Options").ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<VideoLimits>().BindConfiguration("Video:Limits").ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton(provider => new VideoFaceDetector(VideoDetector.ForVideo(provider.GetRequiredService<IFaceDetector>())));
        services.TryAddSingleton<ProcessVideo>();
        services.TryAddSingleton<VideoRenditions>();
        services.TryAddSingleton<VideoPlayback>();
        services.TryAddSingleton<TrackFramePreview>();
        services.Replace(ServiceDescriptor.Singleton<IRenditionRefresher>(provider => new MediaRenditionRefresher(
            provider.GetRequiredService<Data.Media.IVideoRepository>(),
            provider.GetRequiredService<Data.IWorkQueue>(),
            provider.GetRequiredService<RenditionService>(),
            provider.GetRequiredService<VideoRenditions>())));
        services.TryAddSingleton<VideoWorker>();
        services.AddHostedService(provider => provider.GetRequiredService<VideoWorker>());
        return services;
    }
}
