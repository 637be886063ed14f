import { useEffect, useRef } from 'react';
import { useNavigate } from 'react-router';
import L from 'leaflet';
import type { DashboardDto, Light } from '@tiaodu/contracts';
import { GridBackground } from '../../../components/MapView';
import { LIGHT_COLORS } from '../../warnings/components/LightDot';
import { useI18n } from '../../../i18n';

type Point = DashboardDto['map'][number];

const LIGHT_TEXT: Record<Light, [string, string]> = { green: ['绿灯', 'green'], yellow: ['黄灯', 'yellow'], red: ['红灯', 'red'] };
/** Greens first, reds last: the worst projects are drawn on top. */
const DRAW_ORDER: Record<Light, number> = { green: 0, yellow: 1, red: 2 };

interface Props {
  points: Point[];
  /** Tile URL template from /api/settings; without it a plain grid, so the map works offline. */
  tileUrl?: string | null;
  height: number | string;
  testId?: string;
}

/**
 * The projects of the dashboard on a Leaflet map, one circle per project coloured by its
 * worst light of the month; the view is fitted to the points. A popup names the project and
 * links to its page.
 */
export function ProjectsMap({ points, tileUrl, height, testId }: Props) {
  const { lang } = useI18n();
  const navigate = useNavigate();
  const navigateRef = useRef(navigate);
  navigateRef.current = navigate;
  const el = useRef<HTMLDivElement>(null);
  const mapRef = useRef<L.Map | null>(null);
  const layerRef = useRef<L.FeatureGroup | null>(null);

  useEffect(() => {
    if (!el.current) return;
    const map = L.map(el.current, { attributionControl: Boolean(tileUrl), minZoom: 3, maxZoom: 18, zoomSnap: 0.25 });
    if (tileUrl) L.tileLayer(tileUrl, { maxZoom: 18 }).addTo(map);
    else new GridBackground({ tileSize: 256 }).addTo(map);
    L.control.scale({ imperial: false }).addTo(map);
    layerRef.current = L.featureGroup().addTo(map);
    mapRef.current = map;
    const ro = new ResizeObserver(() => map.invalidateSize());
    ro.observe(el.current);
    return () => {
      ro.disconnect();
      map.remove();
      mapRef.current = null;
      layerRef.current = null;
    };
  }, [tileUrl]);

  useEffect(() => {
    const map = mapRef.current;
    const layer = layerRef.current;
    if (!map || !layer) return;
    layer.clearLayers();
    const sorted = [...points].sort((a, b) => DRAW_ORDER[a.light] - DRAW_ORDER[b.light]);
    for (const p of sorted) {
      const marker = L.circleMarker([p.lat, p.lng], {
        radius: 7,
        color: '#ffffff',
        weight: 1.5,
        fillColor: LIGHT_COLORS[p.light],
        fillOpacity: 0.92,
        className: `project-marker light-${p.light}`,
      });
      marker.bindPopup(() => popupContent(p, lang, (to) => navigateRef.current(to)), { closeButton: true, autoPanPadding: [16, 16] });
      // an element with the name as text: a string would be taken as HTML
      marker.bindTooltip(textElement(p.name), { direction: 'top', offset: [0, -6] });
      layer.addLayer(marker);
    }
    if (points.length) map.fitBounds(layer.getBounds().pad(0.08), { maxZoom: 14, animate: false });
    else map.fitBounds([[20, 75], [50, 132]], { animate: false });
  }, [points, lang, tileUrl]);

  return (
    <div
      ref={el}
      data-testid={testId}
      data-points={points.length}
      role="region"
      aria-label={lang === 'en' ? 'Map of projects' : '项目分布图'}
      style={{ height, width: '100%', borderRadius: 6, zIndex: 0 }}
    />
  );
}

/** A span showing `text` as written. */
function textElement(text: string): HTMLElement {
  const span = document.createElement('span');
  span.textContent = text;
  return span;
}

/** The popup: the project's name and light, and a link that opens the project in the app. */
function popupContent(p: Point, lang: 'zh' | 'en', go: (to: string) => void): HTMLElement {
  const box = document.createElement('div');
  box.className = 'project-popup';
  const name = document.createElement('div');
  name.style.fontWeight = '600';
  name.style.marginBottom = '4px';
  name.textContent = p.name;
  const light = document.createElement('div');
  light.style.marginBottom = '6px';
  const dot = document.createElement('span');
  Object.assign(dot.style, { display: 'inline-block', width: '10px', height: '10px', borderRadius: '5px', background: LIGHT_COLORS[p.light], marginRight: '6px', verticalAlign: 'middle' });
  light.append(dot, document.createTextNode(LIGHT_TEXT[p.light][lang === 'en' ? 1 : 0]));
  const link = document.createElement('a');
  link.href = `/projects/${p.id}`;
  link.dataset.testid = 'map-popup-link';
  link.textContent = lang === 'en' ? 'Open the project' : '查看项目';
  link.addEventListener('click', (e) => {
    if (e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey) return;
    e.preventDefault();
    go(`/projects/${p.id}`);
  });
  box.append(name, light, link);
  return box;
}
