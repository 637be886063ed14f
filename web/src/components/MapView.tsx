import { useEffect, useRef } from 'react';
import L from 'leaflet';

export interface LngLat {
  lng: number;
  lat: number;
}

const TILE = 256;

/**
 * A plain background for maps without a tile server: a light grid whose lines are tile
 * edges, labelled with their longitude and latitude, so a click still lands somewhere known.
 */
export class GridBackground extends L.GridLayer {
  override createTile(coords: L.Coords): HTMLElement {
    const tile = document.createElement('canvas');
    const ratio = window.devicePixelRatio || 1;
    tile.width = TILE * ratio;
    tile.height = TILE * ratio;
    const ctx = tile.getContext('2d');
    if (!ctx) return tile;
    ctx.scale(ratio, ratio);
    ctx.fillStyle = '#f3f6f9';
    ctx.fillRect(0, 0, TILE, TILE);
    ctx.strokeStyle = '#e3e8ee';
    ctx.lineWidth = 1;
    for (let i = 1; i < 4; i++) {
      ctx.beginPath();
      ctx.moveTo((i * TILE) / 4 + 0.5, 0);
      ctx.lineTo((i * TILE) / 4 + 0.5, TILE);
      ctx.moveTo(0, (i * TILE) / 4 + 0.5);
      ctx.lineTo(TILE, (i * TILE) / 4 + 0.5);
      ctx.stroke();
    }
    ctx.strokeStyle = '#c8d1db';
    ctx.strokeRect(0.5, 0.5, TILE, TILE);
    const nw = L.CRS.EPSG3857.pointToLatLng(L.point(coords.x * TILE, coords.y * TILE), coords.z);
    const digits = coords.z >= 12 ? 3 : coords.z >= 8 ? 2 : 1;
    ctx.fillStyle = '#8a97a6';
    ctx.font = '10px sans-serif';
    ctx.fillText(`${nw.lng.toFixed(digits)}°E`, 4, 12);
    ctx.fillText(`${nw.lat.toFixed(digits)}°N`, 4, 24);
    return tile;
  }
}

/** Roughly mainland China, for the first view when nothing is known. */
const CHINA: L.LatLngBoundsExpression = [
  [20, 75],
  [50, 132],
];

interface Props {
  value?: LngLat | null;
  /** Clicking the map calls this; read-only without it. */
  onChange?: (p: LngLat) => void;
  /** Tile URL template from /api/settings; a plain grid when absent. */
  tileUrl?: string | null;
  /** Where to look when there is no point yet. */
  fallbackCenter?: LngLat | null;
  height?: number | string;
  testId?: string;
}

/** A Leaflet map with one point; works offline with a grid background. */
export function MapView({ value, onChange, tileUrl, fallbackCenter, height = 320, testId }: Props) {
  const el = useRef<HTMLDivElement>(null);
  const mapRef = useRef<L.Map | null>(null);
  const markerRef = useRef<L.CircleMarker | null>(null);
  const onChangeRef = useRef(onChange);
  onChangeRef.current = onChange;
  const clickable = Boolean(onChange);

  useEffect(() => {
    if (!el.current) return;
    const map = L.map(el.current, { attributionControl: Boolean(tileUrl), zoomControl: true, worldCopyJump: false, minZoom: 3, maxZoom: 18 });
    if (tileUrl) L.tileLayer(tileUrl, { maxZoom: 18 }).addTo(map);
    else new GridBackground({ tileSize: TILE }).addTo(map);
    L.control.scale({ imperial: false }).addTo(map);
    map.fitBounds(CHINA);
    map.on('click', (e: L.LeafletMouseEvent) => {
      const cb = onChangeRef.current;
      if (!cb) return;
      const { lat, lng } = e.latlng.wrap();
      cb({ lng: Math.round(lng * 1e6) / 1e6, lat: Math.round(lat * 1e6) / 1e6 });
    });
    mapRef.current = map;
    const ro = new ResizeObserver(() => map.invalidateSize());
    ro.observe(el.current);
    return () => {
      ro.disconnect();
      map.remove();
      mapRef.current = null;
      markerRef.current = null;
    };
  }, [tileUrl]);

  useEffect(() => {
    const container = mapRef.current?.getContainer();
    if (!container) return;
    if (clickable) L.DomUtil.addClass(container, 'map-clickable');
    else L.DomUtil.removeClass(container, 'map-clickable');
  }, [clickable, tileUrl]);

  // Place the marker and move the view when the point changes.
  const lng = value?.lng;
  const lat = value?.lat;
  useEffect(() => {
    const map = mapRef.current;
    if (!map) return;
    if (lng != null && lat != null) {
      const ll = L.latLng(lat, lng);
      if (markerRef.current) markerRef.current.setLatLng(ll);
      else markerRef.current = L.circleMarker(ll, { radius: 8, color: '#ffffff', weight: 2, fillColor: '#d4380d', fillOpacity: 0.95 }).addTo(map);
      if (!map.getBounds().pad(-0.1).contains(ll) || map.getZoom() < 10) map.setView(ll, Math.max(map.getZoom(), 13));
    } else {
      markerRef.current?.remove();
      markerRef.current = null;
      if (fallbackCenter) map.setView([fallbackCenter.lat, fallbackCenter.lng], 10);
    }
  }, [lng, lat, tileUrl, fallbackCenter]);

  return (
    <div
      ref={el}
      data-testid={testId}
      style={{ height, width: '100%', borderRadius: 8, border: '1px solid #e5e7eb', zIndex: 0 }}
    />
  );
}
